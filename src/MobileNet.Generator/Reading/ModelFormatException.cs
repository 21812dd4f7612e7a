using System;

namespace MobileNet.Generator.Reading;

/// <summary>
/// A file that does not decode. Thrown only inside the readers and always caught at their entry point,
/// which turns it into a diagnostic; it never leaves the generator.
/// </summary>
internal sealed class ModelFormatException(string message) : Exception(message);
