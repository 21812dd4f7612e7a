using System.IO;
using System.Linq;
using System.Reflection;

namespace MobileNet.Tests.Infrastructure;

/// <summary>The committed models (models/) and photos (images/), found from the repository root the build baked in.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } =
        typeof(RepositoryFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    public static string Path(string relative)
    {
        string path = System.IO.Path.Combine(Root, relative);
        if (!File.Exists(path))
            throw new FileNotFoundException($"'{path}' is missing from the repository (models/README.md and images/README.md list what belongs there).", path);
        return path;
    }
}
