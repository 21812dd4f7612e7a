using System;
using System.IO;
using System.Linq;

namespace MobileNet;

/// <summary>Class labels and the best-scoring classes.</summary>
public static class Labels
{
    /// <summary>Reads one label per line (TFLite's labels.txt format: 1001 lines for ImageNet with "background" first); blank trailing lines are dropped.</summary>
    public static string[] Load(string path)
    {
        string[] lines = File.ReadAllLines(path);
        int count = lines.Length;
        while (count > 0 && lines[count - 1].Trim().Length == 0)
            count--;
        return lines.Take(count).Select(l => l.Trim()).ToArray();
    }

    /// <summary>
    /// Writes the indices of the <c>indices.Length</c> highest scores into <paramref name="indices"/>,
    /// best first (ties keep the lower index first). Allocates nothing; O(n·k) for n scores.
    /// </summary>
    /// <returns>How many indices were written: the smaller of the two lengths.</returns>
    public static int TopK(ReadOnlySpan<float> scores, Span<int> indices)
    {
        int k = Math.Min(indices.Length, scores.Length), found = 0;
        if (k == 0)
            return 0;
        for (int i = 0; i < scores.Length; i++)
        {
            float score = scores[i];
            if (found == k && !(score > scores[indices[k - 1]]))
                continue;
            int at = found < k ? found++ : k - 1;
            while (at > 0 && score > scores[indices[at - 1]])
            {
                indices[at] = indices[at - 1];
                at--;
            }
            indices[at] = i;
        }
        return k;
    }
}
