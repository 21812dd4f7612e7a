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

    private static string Svg(List<(string Label, double Macs, string Method, double Milliseconds)> points)
    {
        const int Width = 760, Height = 400, Left = 60, Right = 170, Top = 30, Bottom = 50;
        double maxX = points.Max(p => p.Macs) * 1.1, maxY = points.Max(p => p.Milliseconds) * 1.15;
        string X(double v) => (Left + v / maxX * (Width - Left - Right)).ToString("F1", CultureInfo.InvariantCulture);
        string Y(double v) => (Height - Bottom - v / maxY * (Height - Top - Bottom)).ToString("F1", CultureInfo.InvariantCulture);
        var svg = new StringBuilder();
        svg.AppendLine($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.AppendLine($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>");
        svg.AppendLine($"<text x=\"{Width / 2}\" y=\"18\" text-anchor=\"middle\" font-size=\"14\">Median latency against MACs, one thread (lower is better)</text>");
        svg.AppendLine($"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" stroke=\"black\"/>");
        svg.AppendLine($"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"black\"/>");
        for (int i = 0; i <= 5; i++)
        {
            double x = maxX * i / 5, y = maxY * i / 5;
            svg.AppendLine($"<text x=\"{X(x)}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{x:F0}</text>");
            svg.AppendLine($"<text x=\"{Left - 6}\" y=\"{Y(y)}\" text-anchor=\"end\" dominant-baseline=\"middle\">{y:F1}</text>");
        }
        svg.AppendLine($"<text x=\"{(Width + Left) / 2}\" y=\"{Height - 12}\" text-anchor=\"middle\">million multiply-accumulates</text>");
        svg.AppendLine($"<text x=\"16\" y=\"{(Height - Bottom + Top) / 2}\" text-anchor=\"middle\" transform=\"rotate(-90 16 {(Height - Bottom + Top) / 2})\">milliseconds</text>");
        string[] colours = ["#1f77b4", "#d62728"];
        int series = 0;
        foreach (IGrouping<string, (string Label, double Macs, string Method, double Milliseconds)> group in points.GroupBy(p => p.Method))
        {
            string colour = colours[series % colours.Length];
            svg.AppendLine($"<text x=\"{Left + 12}\" y=\"{Top + 14 + 16 * series}\" fill=\"{colour}\">● {group.Key}</text>");
            foreach (var p in group)
            {
                svg.AppendLine($"<circle cx=\"{X(p.Macs)}\" cy=\"{Y(p.Milliseconds)}\" r=\"5\" fill=\"{colour}\"/>");
                svg.AppendLine($"<text x=\"{X(p.Macs)}\" y=\"{Y(p.Milliseconds)}\" dx=\"8\" dy=\"4\" fill=\"{colour}\">{p.Label} ({p.Milliseconds:F2} ms)</text>");
            }
            series++;
        }
        svg.AppendLine("</svg>");
        return svg.ToString();
    }
}
