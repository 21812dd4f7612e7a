using System;

namespace MobileNet.Generator.Lowering;

/// <summary>A graph the lowering cannot express. Caught where the lowering is called and reported as MNG006.</summary>
internal sealed class UnsupportedGraphException(string message) : Exception(message);
