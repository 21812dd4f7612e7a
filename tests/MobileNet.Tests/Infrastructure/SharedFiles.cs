using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace MobileNet.Tests.Infrastructure;

/// <summary>
/// The real models and photos, read from the shared folder beside the repository. MOBILENET_SHARED
/// overrides the path the build baked in (MSBuild property MobileNetSharedDir, default ../shared).
/// </summary>
public static class SharedFiles
{
    public static string Root { get; } = Environment.GetEnvironmentVariable("MOBILENET_SHARED") is { Length: > 0 } env ? env : Metadata("MobileNetSharedDir");

    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public static string Path(string relative)
    {
        string path = System.IO.Path.Combine(Root, relative);
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"'{path}' is missing. The tests read the real models and photos from the shared folder (models/, images/) beside the repository; " +
                "put it at ../shared or set MOBILENET_SHARED=/path/to/shared.", path);
        return path;
    }

    private static string Metadata(string key) =>
        typeof(SharedFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
