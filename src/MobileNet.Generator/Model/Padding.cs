namespace MobileNet.Generator.Model;

/// <summary>Explicit padding of a convolution, in pixels: top, left, bottom, right.</summary>
internal readonly record struct Padding(int Top, int Left, int Bottom, int Right)
{
    public override string ToString() => $"({Top},{Left},{Bottom},{Right})";
}
