using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace MobileNet.Benchmarks;

/// <summary>
/// Draws docs/latency.svg (<c>--chart</c>): median latency against MACs, generated against ONNX Runtime,
/// from the CSV reports BenchmarkDotNet leaves in BenchmarkDotNet.Artifacts/results. The MACs come from
/// the generated networks themselves.
/// </summary>
internal static class LatencyChart
{
    public static void Write(string resultsDirectory, string svgPath)
    {
        var points = new List<(string Label, double Macs, string Method, double Milliseconds)>();
        foreach ((string type, (string label, long macs)) in Catalog.Networks)
        {
            string csv = Path.Combine(resultsDirectory, $"MobileNet.Benchmarks.{type}-report.csv");
            if (!File.Exists(csv))
                throw new FileNotFoundException($"No BenchmarkDotNet report at {csv}: run the benchmarks first.", csv);
            string[] lines = File.ReadAllLines(csv);
            string[] header = Split(lines[0]);
            int method = Array.IndexOf(header, "Method"), median = Array.IndexOf(header, "Median");
            foreach (string line in lines.Skip(1))
            {
                string[] cells = Split(line);
                points.Add((label, macs / 1e6, cells[method].Trim('\''), Milliseconds(cells[median])));
            }
        }
        File.WriteAllText(svgPath, Svg(points));
        Console.WriteLine($"wrote {svgPath} from {points.Count} medians");
    }

    /// <summary>Splits a CSV line, keeping quoted cells (BenchmarkDotNet quotes "1,874.3 us") whole.</summary>
    private static string[] Split(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false;
        foreach (char c in line)
        {
            if (c == '"')
                quoted = !quoted;
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
                cell.Append(c);
        }
        cells.Add(cell.ToString());
        return [.. cells];
    }

    private static double Milliseconds(string cell)
    {
        string[] parts = cell.Split(' ');
        double value = double.Parse(parts[0], NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        return parts[1] switch { "s" => value * 1000, "ms" => value, "us" or "μs" => value / 1000, "ns" => value / 1e6, _ => throw new FormatException(cell) };
    }

    /// <summary>A log-log chart: the models span 40× in MACs and in latency, so that the small ones stay readable.</summary>
    private static string Svg(List<(string Label, double Macs, string Method, double Milliseconds)> points)
    {
        const int Width = 760, Height = 420, Left = 60, Right = 190, Top = 30, Bottom = 50;
        double[] ticks = [0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000];
        double minX = ticks.Last(t => t <= points.Min(p => p.Macs)), maxX = ticks.First(t => t >= points.Max(p => p.Macs));
        double minY = ticks.Last(t => t <= points.Min(p => p.Milliseconds)), maxY = ticks.First(t => t >= points.Max(p => p.Milliseconds));
        double Scale(double v, double min, double max) => (Math.Log(v) - Math.Log(min)) / (Math.Log(max) - Math.Log(min));
        string X(double v) => (Left + Scale(v, minX, maxX) * (Width - Left - Right)).ToString("F1", CultureInfo.InvariantCulture);
        string Y(double v) => (Height - Bottom - Scale(v, minY, maxY) * (Height - Top - Bottom)).ToString("F1", CultureInfo.InvariantCulture);
        string Number(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
        var svg = new StringBuilder();
        svg.AppendLine($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.AppendLine($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>");
        svg.AppendLine($"<text x=\"{Width / 2}\" y=\"18\" text-anchor=\"middle\" font-size=\"14\">Median latency against MACs, one thread, log-log (lower is better)</text>");
        svg.AppendLine($"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" stroke=\"black\"/>");
        svg.AppendLine($"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"black\"/>");
        foreach (double x in ticks.Where(t => t >= minX && t <= maxX))
            svg.AppendLine($"<text x=\"{X(x)}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{Number(x)}</text>");
        foreach (double y in ticks.Where(t => t >= minY && t <= maxY))
        {
            svg.AppendLine($"<line x1=\"{Left}\" y1=\"{Y(y)}\" x2=\"{Width - Right}\" y2=\"{Y(y)}\" stroke=\"#e0e0e0\"/>");
            svg.AppendLine($"<text x=\"{Left - 6}\" y=\"{Y(y)}\" text-anchor=\"end\" dominant-baseline=\"middle\">{Number(y)}</text>");
        }
        svg.AppendLine($"<text x=\"{(Width - Right + Left) / 2}\" y=\"{Height - 12}\" text-anchor=\"middle\">million multiply-accumulates</text>");
        svg.AppendLine($"<text x=\"16\" y=\"{(Height - Bottom + Top) / 2}\" text-anchor=\"middle\" transform=\"rotate(-90 16 {(Height - Bottom + Top) / 2})\">milliseconds</text>");
        string[] colours = ["#1f77b4", "#d62728"];
        int series = 0;
        foreach (IGrouping<string, (string Label, double Macs, string Method, double Milliseconds)> group in points.GroupBy(p => p.Method))
        {
            string colour = colours[series % colours.Length];
            svg.AppendLine($"<text x=\"{Left + 12}\" y=\"{Top + 14 + 16 * series}\" fill=\"{colour}\">● {group.Key}</text>");
            // The first series' labels above its points, the second's below, so that a model's pair stays readable.
            int dy = series == 0 ? -6 : 16;
            foreach (var p in group)
            {
                svg.AppendLine($"<circle cx=\"{X(p.Macs)}\" cy=\"{Y(p.Milliseconds)}\" r=\"5\" fill=\"{colour}\"/>");
                svg.AppendLine($"<text x=\"{X(p.Macs)}\" y=\"{Y(p.Milliseconds)}\" dx=\"8\" dy=\"{dy}\" fill=\"{colour}\">{p.Label} ({p.Milliseconds:0.000} ms)</text>");
            }
            series++;
        }
        svg.AppendLine("</svg>");
        return svg.ToString();
    }
}
