namespace MobileNet.Generator.Model;

/// <summary>What a network writes; the values are the runtime's <c>MobileNet.MobileNetOutput</c>.</summary>
internal enum OutputKind { Probabilities = 1, Logits = 2, Embedding = 3, FeatureMap = 4 }
