namespace MobileNet.Generator.Model;

/// <summary>
/// A model file as the MSBuild bridge hands it over: the file's own path and its bytes as base64 text
/// (binary AdditionalFiles fail the build with CS2015, so the targets convert them first). Content is
/// null when the targets found no file at SourcePath. Link is the path the item gives the model inside the
/// project (its Link metadata), for models kept elsewhere.
/// </summary>
internal sealed record BridgedModel(string SourcePath, string? Link, string BridgePath, string? Content);

/// <summary>
/// The project directory that relative <c>Weights</c> paths are resolved against, the runtime identifier
/// the build is for (<c>linux-arm64</c>, …), or null when it is for any machine the JIT meets, and the
/// instruction set of a NativeAOT build (<c>x86-64-v3</c>, <c>avx2,bmi,fma,…</c>), null for a JIT build, and
/// whether the build optimises (false where MSBuild's <c>Optimize</c> is false, as in Debug).
/// </summary>
internal sealed record ProjectInfo(string? ProjectDirectory, string? RuntimeIdentifier = null, string? AotInstructionSet = null, bool Optimized = true);
