using System.Globalization;
using System.Text.RegularExpressions;
using MobileNet.Testing;
using MobileNet.Tests.Infrastructure;
using Xunit;

namespace MobileNet.Tests;

/// <summary>With a 1000-class head the generated docs reproduce the MobileNet paper's Tables 6/7 (MOBILENET_SPEC.md §8).</summary>
public sealed partial class PaperTableTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Theory]
    [InlineData(1.0, 224, 568.74, 4.2091)]
    [InlineData(0.75, 224, 325.40, 2.5681)]
    [InlineData(0.5, 224, 149.50, 1.3196)]
    [InlineData(0.25, 224, 41.03, 0.4636)]
    [InlineData(1.0, 192, 418.12, 4.2091)]
    [InlineData(1.0, 160, 290.68, 4.2091)]
    [InlineData(1.0, 128, 186.40, 4.2091)]
    [InlineData(0.5, 160, 76.52, 1.3196)]
    public void GeneratedDocsPrintThePaperTotals(double alpha, int resolution, double megaMacs, double megaParameters)
    {
        (long macs, long parameters) = Totals(alpha, resolution);
        output.WriteLine($"V1 {alpha}-{resolution}: {macs:N0} MACs, {parameters:N0} parameters");
        Assert.Equal(megaMacs, macs / 1e6, 2);
        Assert.Equal(megaParameters, parameters / 1e6, 4);
    }

    [Fact]
    public void FullWidthCountsAreExact()
    {
        // The TF-slim docstring's body totals (567,716,352 MACs, 3,185,088 parameters) plus the 1024 × 1000 classifier.
        Assert.Equal((567_716_352L + 1_024_000, 3_185_088L + 1_024_000), Totals(1.0, 224));
    }

    private (long Macs, long Parameters) Totals(double alpha, int resolution)
    {
        var options = new NetworkOptions(alpha, resolution) { Classes = 1000 };
        GeneratorRun run = GeneratorHarness.Generate(GeneratorHarness.Source(alpha, resolution), SyntheticOnnx.Build(options), compile: false);
        Assert.Empty(run.Diagnostics);
        Match total = TotalLine().Match(run.MainSource);
        Assert.True(total.Success);
        return (long.Parse(total.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture),
                long.Parse(total.Groups[2].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"///\s+total\s+([\d,]+)\s+([\d,]+)")]
    private static partial Regex TotalLine();
}
