using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using MobileNet.Testing;
using MobileNet.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MobileNet.Tests;

/// <summary>
/// Real builds of small consumer projects: through the packed .nupkg from a local feed, as a user
/// installs it, and through a ProjectReference, as this repository's samples use it. They prove the
/// model-file bridge: the generated network is rebuilt when the model changes and not otherwise.
/// </summary>
public sealed class BuildIntegrationTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("mobilenetgen-build-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private const string Program = """
        using System;
        using System.Linq;
        using MobileNet;

        var input = Enumerable.Range(0, Net.InputLength).Select(i => (float)Math.Sin(i * 0.01)).ToArray();
        var output = new float[Net.OutputLength];
        new Net().Run(input, output);
        Console.WriteLine($"top1={Array.IndexOf(output, output.Max())} score={output.Max():R}");

        [MobileNet(Alpha = 0.25, Resolution = 64, Weights = "models/tiny.onnx")]
        public partial class Net;
        """;

    [Fact]
    public void ConsumerOfThePackageBuildsAndRuns()
    {
        string feed = Path.Combine(_root, "feed");
        Dotnet(RepositoryFiles.Root, $"pack src/MobileNet.Runtime -c Release -o \"{feed}\" -p:Version=0.0.1-test");
        string project = Consumer("FromPackage", $"""<PackageReference Include="MobileNetGen" Version="0.0.1-test" />""");
        File.WriteAllText(Path.Combine(project, "nuget.config"), $"""
            <configuration><packageSources><clear /><add key="local" value="{feed}" /></packageSources></configuration>
            """);
        string run = Dotnet(project, $"run -p:RestorePackagesPath=\"{Path.Combine(_root, "packages")}\"");
        Assert.Equal(Expected(Model(seed: 1)), run.Trim().Split('\n').Last());
    }

    [Fact]
    public void ModelChangesRebuildAndNothingElseDoes()
    {
        string project = ProjectConsumer();
        string model = Path.Combine(project, "models/tiny.onnx");
        string dll = Path.Combine(project, "bin/Debug/net10.0/Consumer.dll");

        Assert.Equal(Expected(Model(seed: 1)), Run(project));
        DateTime built = File.GetLastWriteTimeUtc(dll);
        string bridge = Bridges(project).Single();
        DateTime bridged = File.GetLastWriteTimeUtc(bridge);

        Dotnet(project, "build");
        Assert.Equal(bridged, File.GetLastWriteTimeUtc(bridge));
        Assert.Equal(built, File.GetLastWriteTimeUtc(dll));

        File.WriteAllBytes(model, Model(seed: 2));
        Assert.Equal(Expected(Model(seed: 2)), Run(project));
        Assert.NotEqual(bridged, File.GetLastWriteTimeUtc(bridge));
        Assert.NotEqual(built, File.GetLastWriteTimeUtc(dll));

        // A model replaced by an OLDER file (a checkout, a backup) is still a new network: content decides, not time.
        File.WriteAllBytes(model, Model(seed: 3));
        File.SetLastWriteTimeUtc(model, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        Assert.True(File.GetLastWriteTimeUtc(model) < File.GetLastWriteTimeUtc(bridge));
        Assert.Equal(Expected(Model(seed: 3)), Run(project));
    }

    /// <summary>
    /// A model that is locked, removed after a good build, empty, or a directory: each build fails with
    /// one clear error (the bridge's MNGB0x or the generator's MNG00x), never MSB4018, a stack trace or CS errors.
    /// </summary>
    [Fact]
    public void BrokenModelsGiveClearErrors()
    {
        string project = ProjectConsumer();
        string model = Path.GetFullPath(Path.Combine(project, "models", "tiny.onnx"));
        Dotnet(project, "build");
        string bridge = Bridges(project).Single();

        File.Delete(model);
        string removed = Fails(project);
        Assert.Contains("error MNG004: The weights file 'models/tiny.onnx' does not exist", removed);
        Assert.Equal($"MobileNetGen-Bridge/1 missing\nsource: {model}\nlink: \n", File.ReadAllText(bridge));

        // Locked by another process. FileShare.None is a share lock on Windows and an flock(LOCK_EX) on Unix,
        // which .NET honours there too, so File.ReadAllBytes in the build's task fails with a sharing
        // violation, as for a model held open by another program (root's chmod bypass does not apply).
        File.WriteAllBytes(model, Model(seed: 1));
        using (new FileStream(model, FileMode.Open, FileAccess.Read, FileShare.None))
        {
            string locked = Fails(project);
            Assert.Contains($"{model} : error MNGB02: The MobileNet model cannot be read: The process cannot access the file", locked);
        }

        // An empty file is bridged "ok" with an empty body; the generator reports it (MNG005).
        File.WriteAllBytes(model, Array.Empty<byte>());
        string empty = Fails(project);
        Assert.Contains("error MNG005: The weights file 'models/tiny.onnx' cannot be read", empty);
        Assert.Equal($"MobileNetGen-Bridge/1 ok\nsource: {model}\nlink: \n", File.ReadAllText(bridge));

        // A directory, written with a trailing slash as it was found (it once bridged to "--<hash>.mobilenet.b64").
        string csproj = Path.Combine(project, "Consumer.csproj");
        File.WriteAllText(csproj, File.ReadAllText(csproj).Replace("""<MobileNetModel Include="models/tiny.onnx" />""", """<MobileNetModel Include="models/" />"""));
        string directory = Fails(project);
        Assert.Contains($"{Path.Combine(project, "models")}{Path.DirectorySeparatorChar} : error MNGB01: MobileNetModel names a directory, not a model file: name the .tflite or .onnx file itself", directory);
        Assert.Equal(new[] { bridge }, Bridges(project));
    }

    private static byte[] Model(int seed) => SyntheticOnnx.Build(new NetworkOptions(0.25, 64) { Classes = 10, Softmax = true, Seed = seed });

    /// <summary>What the consumer must print, from the same model generated in-process.</summary>
    private static string Expected(byte[] model)
    {
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(0.25, 64), model);
        float[] input = Enumerable.Range(0, run.Constant("InputLength")).Select(i => (float)Math.Sin(i * 0.01)).ToArray();
        var probabilities = new float[run.Constant("OutputLength")];
        run.Run(input, probabilities, new float[run.Constant("WorkspaceLength")]);
        return $"top1={Array.IndexOf(probabilities, probabilities.Max())} score={probabilities.Max():R}";
    }

    /// <summary>A consumer that references the runtime and generator projects and imports the build files directly.</summary>
    private string ProjectConsumer()
    {
        string src = Path.Combine(RepositoryFiles.Root, "src");
        return Consumer("FromProject", $"""
            <ProjectReference Include="{src}/MobileNet.Runtime/MobileNet.Runtime.csproj" />
            <ProjectReference Include="{src}/MobileNet.Generator/MobileNet.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
            """, imports: (Path.Combine(src, "MobileNet.Generator/build/MobileNetGen.props"), Path.Combine(src, "MobileNet.Generator/build/MobileNetGen.targets")));
    }

    private static string[] Bridges(string project) => Directory.GetFiles(Path.Combine(project, "obj"), "*.mobilenet.b64", SearchOption.AllDirectories);

    private string Consumer(string name, string references, (string Props, string Targets)? imports = null)
    {
        string project = Path.Combine(_root, name);
        Directory.CreateDirectory(Path.Combine(project, "models"));
        File.WriteAllBytes(Path.Combine(project, "models/tiny.onnx"), Model(seed: 1));
        File.WriteAllText(Path.Combine(project, "Program.cs"), Program);
        // Fence the consumer off from this repository's Directory.Build.* files.
        File.WriteAllText(Path.Combine(project, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(project, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(project, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              {(imports is { } i ? $"<Import Project=\"{i.Props}\" />" : "")}
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                {references}
                <MobileNetModel Include="models/tiny.onnx" />
              </ItemGroup>
              {(imports is { } j ? $"<Import Project=\"{j.Targets}\" />" : "")}
            </Project>
            """);
        return project;
    }

    private string Run(string project) => Dotnet(project, "run").Trim().Split('\n').Last();

    private string Dotnet(string directory, string arguments)
    {
        (int exitCode, string stdout, string stderr) = Execute(directory, arguments);
        Assert.True(exitCode == 0, $"dotnet {arguments} failed:\n{stdout}\n{stderr}");
        return stdout;
    }

    /// <summary>
    /// A `dotnet build` that must fail with errors, no stack trace, and none from the compiler (the class keeps
    /// its public members after a generator error, so the consumer's code still compiles); returns what it printed.
    /// </summary>
    private string Fails(string project)
    {
        (int exitCode, string stdout, string stderr) = Execute(project, "build");
        string printed = stdout + stderr;
        Assert.Equal(1, exitCode);
        Assert.DoesNotContain("   at ", printed);
        Assert.DoesNotContain("MSB4018", printed);
        Assert.DoesNotContain("error CS", printed);
        return printed;
    }

    private (int ExitCode, string Stdout, string Stderr) Execute(string directory, string arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments + " -nodeReuse:false --disable-build-servers")
        {
            WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using Process process = Process.Start(start)!;
        System.Threading.Tasks.Task<string> stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        output.WriteLine($"$ dotnet {arguments}\n{stdout}{stderr.Result}");
        return (process.ExitCode, stdout, stderr.Result);
    }
}
