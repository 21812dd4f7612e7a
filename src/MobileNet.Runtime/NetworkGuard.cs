using System;
using System.Diagnostics.CodeAnalysis;

namespace MobileNet;

/// <summary>Length checks shared by the generated networks and the helpers, kept out of line so that <c>Run</c> stays small.</summary>
public static class NetworkGuard
{
    /// <summary>Throws unless <paramref name="actual"/> equals <paramref name="expected"/>.</summary>
    public static void ExactLength(int actual, int expected, string parameterName)
    {
        if (actual != expected)
            ThrowLength(actual, expected, "exactly", parameterName);
    }

    /// <summary>Throws unless <paramref name="actual"/> is at least <paramref name="expected"/>.</summary>
    public static void MinimumLength(int actual, int expected, string parameterName)
    {
        if (actual < expected)
            ThrowLength(actual, expected, "at least", parameterName);
    }

    [DoesNotReturn]
    private static void ThrowLength(int actual, int expected, string how, string parameterName) =>
        throw new ArgumentException($"'{parameterName}' has {actual} elements; it must have {how} {expected}.", parameterName);
}
