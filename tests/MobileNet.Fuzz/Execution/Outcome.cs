namespace MobileNet.Fuzz.Execution;

/// <summary>What became of one case. Everything from <see cref="Internal"/> on is a generator bug.</summary>
internal enum Outcome
{
    /// <summary>The generator emitted code and it compiled without a warning.</summary>
    Generated,
    /// <summary>The generator rejected the model with an MNG diagnostic other than MNG012: the intended behaviour.</summary>
    Rejected,
    /// <summary>MNG012, or an exception escaping the generator.</summary>
    Internal,
    /// <summary>The generator did not return within the timeout.</summary>
    Hang,
    /// <summary>The generator allocated more than the limit, or grew the heap past the ceiling and had to be cancelled.</summary>
    Runaway,
    /// <summary>The generated code has errors or warnings.</summary>
    Uncompilable,
}

/// <summary>
/// A case's classification. <paramref name="Detail"/> is the diagnostic ID, exception type or compiler
/// error ID; <paramref name="Signature"/> groups failures with one cause, for reproducers.
/// </summary>
internal sealed record CaseResult(Outcome Outcome, string Detail, string Phase, string Message, string? Stack, string Signature)
{
    public bool IsFailure => Outcome >= Outcome.Internal;
}
