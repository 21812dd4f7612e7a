using System.Collections.Generic;
using System.Linq;
using MobileNet.Generator.Lowering;
using MobileNet.Generator.Model;

namespace MobileNet.Generator.Binding;

/// <summary>
/// Cuts a bound network where the attribute's <c>Output</c> or <c>FeatureMaps</c> asks: the layers after
/// the last output are left out (their weights never reach the assembly), a softmax is added for
/// <c>Probabilities</c> on a file that ends in logits, and each named layer becomes one of <c>Run</c>'s outputs.
/// </summary>
internal static class OutputSelector
{
    /// <summary>The names of the layers outside the numbered blocks.</summary>
    public const string StemName = "stem", LastName = "last", PoolName = "pool";

    /// <summary>The file's own last tensor as the network's one output.</summary>
    public static BoundOutput FileOutput(IReadOnlyList<BoundLayer> layers)
    {
        int last = layers.Count - 1;
        OutputKind kind = layers[last].Role switch
        {
            LayerRole.Softmax => OutputKind.Probabilities,
            LayerRole.Classifier => OutputKind.Logits,
            LayerRole.Pool => OutputKind.Embedding,
            _ => OutputKind.FeatureMap,
        };
        return Output(layers, last, kind, name: null);
    }

    /// <summary>The network <paramref name="output"/> (a <c>MobileNetOutput</c> value) and <paramref name="featureMaps"/> ask for, or null with the reason in <paramref name="problem"/>.</summary>
    public static BoundNetwork? Select(BoundNetwork network, int output, EquatableArray<string> featureMaps, out string? problem)
    {
        problem = null;
        IReadOnlyList<BoundLayer> layers = network.Layers;
        if (featureMaps.Count > 0)
            return Taps(network, output, featureMaps, out problem);

        OutputKind? kind = output == 0 ? null : (OutputKind)output;
        int at = kind switch
        {
            null => layers.Count - 1,
            OutputKind.Probabilities or OutputKind.Logits => IndexOf(layers, LayerRole.Classifier),
            OutputKind.Embedding => IndexOf(layers, LayerRole.Pool),
            _ => LastConvolution(layers),
        };
        if (at < 0)
        {
            problem = $"Output = {kind} needs {(kind == OutputKind.Embedding ? "the global average pool" : "the classifier")}, but {FileEnd(layers)}";
            return null;
        }
        if (kind is null || kind == OutputKind.Probabilities && layers[layers.Count - 1].Role == LayerRole.Softmax)
            return network;

        var kept = layers.Take(at + 1).ToList();
        if (kind == OutputKind.Probabilities)
        {
            GraphOp classifier = layers[at].Op;
            kept.Add(new BoundLayer(LayerRole.Softmax, new GraphOp { Kind = OpKind.Softmax, Name = "softmax (added for Output = Probabilities)", InC = classifier.OutC, OutC = classifier.OutC }));
        }
        return Cut(network, kept, [Output(kept, kept.Count - 1, kind.Value, name: null)]);
    }

    /// <summary>One output per name in <paramref name="names"/>, in that order; the network stops after the last of them.</summary>
    private static BoundNetwork? Taps(BoundNetwork network, int output, EquatableArray<string> names, out string? problem)
    {
        problem = null;
        IReadOnlyList<BoundLayer> layers = network.Layers;
        if (output is not (0 or (int)OutputKind.FeatureMap))
        {
            problem = $"FeatureMaps makes Run write the maps it names, so Output must be FeatureMap or left out, not {(OutputKind)output}";
            return null;
        }
        var outputs = new List<BoundOutput>();
        foreach (string name in names)
        {
            if (outputs.Any(o => o.Name == name))
            {
                problem = $"FeatureMaps names '{DisplayText.Name(name)}' twice";
                return null;
            }
            int index = IndexWhere(layers, l => l.Name == name || l.ExpansionName == name);
            if (index < 0)
            {
                problem = $"FeatureMaps names '{DisplayText.Name(name)}', which is not a layer of this file{Suggestion(layers, name)}; its layers are {Names(layers)}";
                return null;
            }
            bool expansion = layers[index].ExpansionName == name;
            outputs.Add(expansion
                ? new BoundOutput(name, OutputKind.FeatureMap, index, Expansion: true, layers[index].Block!.Expand!.OutH, layers[index].Block!.Expand!.OutW, layers[index].Block!.Expand!.OutC)
                : Output(layers, index, layers[index].Role == LayerRole.Pool ? OutputKind.Embedding : OutputKind.FeatureMap, name));
        }
        return Cut(network, layers.Take(outputs.Max(o => o.Layer) + 1).ToList(), outputs);
    }

    private static BoundNetwork Cut(BoundNetwork network, List<BoundLayer> kept, IReadOnlyList<BoundOutput> outputs)
    {
        IReadOnlyList<BoundLayer> all = network.Layers;
        int shared = 0;
        while (shared < kept.Count && shared < all.Count && kept[shared] == all[shared])
            shared++;
        BoundLayer[] dropped = all.Skip(shared).ToArray();
        long weights = dropped.Sum(l => Operations(l).Sum(op => (long)op.Weights.Length + op.Bias.Length));
        string? leftOut = dropped.Length == 0 ? null : LeftOut(dropped) + (weights > 0 ? $": {Emitting.SourceWriter.Count(weights)} weights" : "");
        int classes = kept.Any(l => l.Role == LayerRole.Classifier) ? network.ClassCount : 0;
        return new BoundNetwork(network.Version, network.Alpha, network.Resolution, network.Graph, kept, classes, outputs, leftOut);
    }

    /// <summary>Where a cut network stops, for messages and docs: "the global average pool", "block11 and block13".</summary>
    public static string Describe(IReadOnlyList<BoundOutput> outputs) =>
        outputs.Count == 1 && outputs[0].Name is null
            ? outputs[0].Kind switch
            {
                OutputKind.Probabilities => "the softmax",
                OutputKind.Logits => "the classifier",
                OutputKind.Embedding => "the global average pool",
                _ => "the last convolution",
            }
            : outputs.Count == 1 ? outputs[0].Name! : $"{string.Join(", ", outputs.Take(outputs.Count - 1).Select(o => o.Name))} and {outputs[outputs.Count - 1].Name}";

    /// <summary>The output of <c>layers[index]</c> as a tensor: a bottleneck's is its projection's, a pool's or classifier's 1×1×C.</summary>
    private static BoundOutput Output(IReadOnlyList<BoundLayer> layers, int index, OutputKind kind, string? name)
    {
        GraphOp op = layers[index].Block?.Project ?? layers[index].Op;
        return new BoundOutput(name, kind, index, Expansion: false, op.OutH, op.OutW, op.OutC);
    }

    private static IEnumerable<GraphOp> Operations(BoundLayer layer) =>
        layer.Block is { } b ? new[] { b.Expand, b.Depthwise, b.Project }.Where(op => op is not null).Select(op => op!) : [layer.Op];

    private static int IndexOf(IReadOnlyList<BoundLayer> layers, LayerRole role) =>
        IndexWhere(layers, l => l.Role == role);

    private static int IndexWhere(IReadOnlyList<BoundLayer> layers, System.Func<BoundLayer, bool> match)
    {
        for (int i = 0; i < layers.Count; i++)
            if (match(layers[i]))
                return i;
        return -1;
    }

    /// <summary>The last layer before the pool (or the file's end): V1's block 13, V2's last 1×1 conv.</summary>
    private static int LastConvolution(IReadOnlyList<BoundLayer> layers) =>
        IndexOf(layers, LayerRole.Pool) is >= 0 and var pool ? pool - 1 : layers.Count - 1;

    /// <summary>Where a file that lacks a requested layer ends: "the file ends at the global average pool (256 features)".</summary>
    private static string FileEnd(IReadOnlyList<BoundLayer> layers)
    {
        BoundOutput end = FileOutput(layers);
        return end.Kind == OutputKind.Embedding
            ? $"the file ends at the global average pool ({end.Channels} features)"
            : $"the file ends at its last convolution ({end.Height}×{end.Width}×{end.Channels})";
    }

    /// <summary>The layers a cut leaves out: "the classifier (256 → 1001) and the softmax", or "12 layers from block12 on".</summary>
    private static string LeftOut(BoundLayer[] dropped)
    {
        string One(BoundLayer l) => l.Role switch
        {
            LayerRole.Classifier => $"the classifier ({l.Op.InC} → {l.Op.OutC})",
            LayerRole.Softmax => "the softmax",
            LayerRole.Pool => "the global average pool",
            _ => l.Name ?? l.Op.Name,
        };
        if (dropped.Length <= 3)
            return dropped.Length == 1 ? One(dropped[0]) : $"{string.Join(", ", dropped.Take(dropped.Length - 1).Select(One))} and {One(dropped[dropped.Length - 1])}";
        return $"{dropped.Length} layers from {One(dropped[0])} to {One(dropped[dropped.Length - 1])}";
    }

    /// <summary>The names <c>FeatureMaps</c> takes for this file, runs of blocks shortened: "stem, block1 to block13, pool".</summary>
    private static string Names(IReadOnlyList<BoundLayer> layers)
    {
        static string Run(IReadOnlyList<string> names) => names.Count > 2 ? $"{names[0]} to {names[names.Count - 1]}" : string.Join(", ", names);
        string[] named = layers.Where(l => l.Name is not null).Select(l => l.Name!).ToArray();
        string[] blocks = named.Where(n => n.StartsWith("block")).ToArray();
        string[] expansions = layers.Select(l => l.ExpansionName).Where(n => n is not null).Select(n => n!).ToArray();
        string[] parts = [.. named.Take(1), Run(blocks), Run(expansions), .. named.Skip(1 + blocks.Length)];
        return string.Join(", ", parts.Where(p => p.Length > 0));
    }

    /// <summary>" (did you mean 'block11'?)" when the name differs from one only in case or separators, as Keras' "block_11" does.</summary>
    private static string Suggestion(IReadOnlyList<BoundLayer> layers, string name)
    {
        static string Key(string s) => new(s.ToLowerInvariant().Where(c => c is not ('_' or '-' or ' ')).ToArray());
        string? match = layers.SelectMany(l => new[] { l.Name, l.ExpansionName }).FirstOrDefault(n => n is not null && Key(n) == Key(name));
        return match is null ? "" : $" (did you mean '{match}'?)";
    }
}
