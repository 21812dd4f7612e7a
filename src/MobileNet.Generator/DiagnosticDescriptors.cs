using Microsoft.CodeAnalysis;

namespace MobileNet.Generator;

/// <summary>Every diagnostic the generator reports. IDs are stable: documented in README.md and never reused.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "MobileNetGen";

    public static readonly DiagnosticDescriptor NotPartial = Error(
        "MNG001", "The MobileNet class must be partial",
        "'{0}' must be declared partial (and so must every type that contains it) so that the generator can add the network to it");

    public static readonly DiagnosticDescriptor WeightsMissing = Error(
        "MNG002", "No weights file",
        "[MobileNet] on '{0}' needs Weights = \"path/to/model.onnx\", the trained weights file relative to the project");

    /// <summary>{1}: the registered path the user likely meant, or how to register the file.</summary>
    public static readonly DiagnosticDescriptor ModelNotRegistered = Error(
        "MNG003", "Model file not registered",
        "The weights file '{0}' is not registered: {1}");

    public static readonly DiagnosticDescriptor ModelNotFound = Error(
        "MNG004", "Model file not found",
        "The weights file '{0}' does not exist: check the path (relative to the project directory) or download the model");

    public static readonly DiagnosticDescriptor ModelUnreadable = Error(
        "MNG005", "Model file unreadable",
        "The weights file '{0}' cannot be read: {1}");

    public static readonly DiagnosticDescriptor UnsupportedGraph = Error(
        "MNG006", "Unsupported graph",
        "The weights file '{0}' holds a graph the generator does not support: {1}");

    public static readonly DiagnosticDescriptor ArchitectureMismatch = Error(
        "MNG007", "Weights do not match the declared architecture",
        "The weights file '{0}' does not match MobileNet V{1} α={2} at {3}×{3}: {4}");

    public static readonly DiagnosticDescriptor UnsupportedAlpha = Error(
        "MNG008", "Unsupported width multiplier",
        "Alpha = {0} is not supported: use a width multiplier greater than 0 and at most 2 (the published models use 0.25 to 1.0 for V1 and 0.35 to 1.4 for V2)");

    public static readonly DiagnosticDescriptor UnsupportedResolution = Error(
        "MNG009", "Unsupported resolution",
        "Resolution = {0} is not supported: use an input size from 32 to 1024 pixels (the published models use 128, 160, 192 or 224)");

    public static readonly DiagnosticDescriptor UnsupportedVersion = Error(
        "MNG010", "Unsupported MobileNet version",
        "Version = {0} is not supported: use 1 (MobileNet V1, depthwise separable convolutions) or 2 (MobileNet V2, inverted residuals)");

    public static readonly DiagnosticDescriptor UnsupportedFormat = Error(
        "MNG011", "Unsupported model format",
        "The weights file '{0}' is not a format the generator reads: use an ONNX (.onnx) or TensorFlow Lite (.tflite) file");

    public static readonly DiagnosticDescriptor InternalError = Error(
        "MNG012", "Generator failure",
        "The generator failed on '{0}' ({1}); this is a bug in MobileNetGen, please report it with the model file");

    public static readonly DiagnosticDescriptor DuplicateAttribute = Error(
        "MNG013", "[MobileNet] on more than one declaration",
        "'{0}' carries [MobileNet] more than once (across its partial declarations); keep one, which then describes the whole network");

    public static readonly DiagnosticDescriptor LimitExceeded = Error(
        "MNG014", "Model file exceeds a limit",
        "The weights file '{0}' exceeds a limit of the generator: {1}");

    public static readonly DiagnosticDescriptor UnsupportedNormalization = Error(
        "MNG015", "Unsupported normalization",
        "Normalization = {0} is not supported: use InputNormalization.Auto, TensorFlow or Torchvision");

    public static readonly DiagnosticDescriptor AttributeNotBound = Error(
        "MNG016", "[MobileNet] names the namespace, not the attribute",
        "[MobileNet] on '{0}' binds to the namespace MobileNet, not to its attribute (the compiler's CS0616): add 'using MobileNet;' to this file, or enable implicit usings, which bring it in");

    /// <summary>{1}: what the file lacks, or the FeatureMaps name that is not one of its layers (with the names it has).</summary>
    public static readonly DiagnosticDescriptor OutputNotInFile = Error(
        "MNG017", "The requested output is not in the file",
        "The weights file '{0}' cannot give the output the attribute asks for: {1}");

    public static readonly DiagnosticDescriptor UnsupportedOutput = Error(
        "MNG018", "Unsupported output",
        "Output = {0} is not supported: use MobileNetOutput.Auto, Probabilities, Logits, Embedding or FeatureMap");

    /// <summary>Information, not a warning: the attribute asked for the cut. {1}: where it stops; {2}: the layers left out and their weights.</summary>
    public static readonly DiagnosticDescriptor LayersLeftOut = new(
        "MNG019", "Layers left out",
        "The network stops before the end of '{0}', at {1}; left out of the build: {2}", Category, DiagnosticSeverity.Info, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedArithmetic = Error(
        "MNG020", "Unsupported arithmetic",
        "Arithmetic = {0} is not supported: use MobileNetArithmetic.Auto, Float or Integer");

    /// <summary>{1}: what stops the file (its weights are float, an operator, a requantising reshape), naming the file's operator.</summary>
    public static readonly DiagnosticDescriptor NotInteger = Error(
        "MNG021", "The network cannot run in integers",
        "Arithmetic = Integer, but the weights file '{0}' cannot run in 8-bit integers: {1}; use MobileNetArithmetic.Float or Auto");

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
