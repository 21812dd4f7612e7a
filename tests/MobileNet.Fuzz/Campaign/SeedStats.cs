using System;
using System.Collections.Generic;
using MobileNet.Fuzz.Execution;

namespace MobileNet.Fuzz.Campaign;

/// <summary>One seed's counts: cases per outcome, rejections per diagnostic ID, and the time its cases took.</summary>
internal sealed class SeedStats
{
    private readonly object _gate = new();
    private readonly long[] _outcomes = new long[Enum.GetValues<Outcome>().Length];
    private readonly SortedDictionary<string, long> _diagnostics = new(StringComparer.Ordinal);
    private TimeSpan _busy;

    public void Record(CaseResult result, TimeSpan elapsed)
    {
        lock (_gate)
        {
            _outcomes[(int)result.Outcome]++;
            if (result.Outcome is Outcome.Rejected or Outcome.Internal && result.Detail.StartsWith("MNG", StringComparison.Ordinal))
                _diagnostics[result.Detail] = _diagnostics.GetValueOrDefault(result.Detail) + 1;
            _busy += elapsed;
        }
    }

    public void AddTo(SeedStats total)
    {
        lock (_gate)
            lock (total._gate)
            {
                for (int i = 0; i < _outcomes.Length; i++)
                    total._outcomes[i] += _outcomes[i];
                foreach ((string id, long count) in _diagnostics)
                    total._diagnostics[id] = total._diagnostics.GetValueOrDefault(id) + count;
                total._busy += _busy;
            }
    }

    public long Count(Outcome outcome) { lock (_gate) return _outcomes[(int)outcome]; }

    public long Cases { get { lock (_gate) { long sum = 0; foreach (long n in _outcomes) sum += n; return sum; } } }

    public long Failures { get { lock (_gate) return _outcomes[(int)Outcome.Internal] + _outcomes[(int)Outcome.Hang] + _outcomes[(int)Outcome.Runaway] + _outcomes[(int)Outcome.Uncompilable]; } }

    public IReadOnlyDictionary<string, long> Diagnostics { get { lock (_gate) return new SortedDictionary<string, long>(_diagnostics); } }

    /// <summary>Cases per second of one worker's time on this seed.</summary>
    public double Rate { get { lock (_gate) return _busy.TotalSeconds > 0 ? Cases / _busy.TotalSeconds : 0; } }
}
