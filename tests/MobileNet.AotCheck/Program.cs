using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using MobileNet.AotCheck;

// run <file> [integer]: runs every network (or the integer ones only) on fixed inputs and writes the outputs (round-trip
// floats), the machine and which networks ran; Coral's networks also on sets of 2 and 4 threads ("V1_05_160@2").
// compare <x64 file> <arm64 file> <dot|mlal>: fails unless the arm64 run used AdvSimd, with the dot product (dot: the SDOT/UDOT
// integer GEMM) or without it (mlal: the SMLAL one), every float output it ran matches within 1e-5 with the same top-5, and
// every integer output is the same code, and every threaded output has the bits of the same machine's single-thread one.
return args switch
{
    ["run", var file] => Run(file, integerOnly: false),
    ["run", var file, "integer"] => Run(file, integerOnly: true),
    ["compare", var reference, var candidate, "dot" or "mlal"] => Compare(reference, candidate, dot: args[3] == "dot"),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: MobileNet.AotCheck run <outputs.txt> [integer] | compare <x64.txt> <arm64.txt> <dot|mlal>");
    return 2;
}

static int Run(string file, bool integerOnly)
{
    using var writer = new StreamWriter(file);
    writer.WriteLine($"machine {RuntimeInformation.ProcessArchitecture} AdvSimd={AdvSimd.IsSupported} Dp={Dp.IsSupported} Vector128Accelerated={Vector128.IsHardwareAccelerated} networks={(integerOnly ? "integer" : "all")}");
    if (!integerOnly)
    {
        Write(writer, "V1_025_128", V1_025_128.InputLength, V1_025_128.OutputLength, V1_025_128.WorkspaceLength, (i, o, w) => V1_025_128.Run(i, o, w));
        Write(writer, "V1_05_160", V1_05_160.InputLength, V1_05_160.OutputLength, V1_05_160.WorkspaceLength, (i, o, w) => V1_05_160.Run(i, o, w));
        Write(writer, "V2_10_224", V2_10_224.InputLength, V2_10_224.OutputLength, V2_10_224.WorkspaceLength, (i, o, w) => V2_10_224.Run(i, o, w));
        foreach (int count in new[] { 2, 4 })
        {
            using var threads = new InferenceThreads(count);
            Write(writer, $"V1_025_128@{count}", V1_025_128.InputLength, V1_025_128.OutputLength, V1_025_128.WorkspaceLengthFor(count), (i, o, w) => V1_025_128.Run(i, o, w, threads));
            Write(writer, $"V1_05_160@{count}", V1_05_160.InputLength, V1_05_160.OutputLength, V1_05_160.WorkspaceLengthFor(count), (i, o, w) => V1_05_160.Run(i, o, w, threads));
            Write(writer, $"V2_10_224@{count}", V2_10_224.InputLength, V2_10_224.OutputLength, V2_10_224.WorkspaceLengthFor(count), (i, o, w) => V2_10_224.Run(i, o, w, threads));
        }
    }
    WriteCodes(writer, "V1_05_160_Integer", Bytes(V1_05_160_Integer.InputLength), V1_05_160_Integer.OutputLength, V1_05_160_Integer.WorkspaceLength, (i, o, w) => V1_05_160_Integer.Run(i, o, w));
    WriteCodes(writer, "V2_10_224_Integer", Bytes(V2_10_224_Integer.InputLength), V2_10_224_Integer.OutputLength, V2_10_224_Integer.WorkspaceLength, (i, o, w) => V2_10_224_Integer.Run(i, o, w));
    foreach (int count in new[] { 2, 4 })
    {
        using var threads = new InferenceThreads(count);
        WriteCodes(writer, $"V1_05_160_Integer@{count}", Bytes(V1_05_160_Integer.InputLength), V1_05_160_Integer.OutputLength, V1_05_160_Integer.WorkspaceLengthFor(count),
            (i, o, w) => V1_05_160_Integer.Run(i, o, w, threads));
        WriteCodes(writer, $"V2_10_224_Integer@{count}", Bytes(V2_10_224_Integer.InputLength), V2_10_224_Integer.OutputLength, V2_10_224_Integer.WorkspaceLengthFor(count),
            (i, o, w) => V2_10_224_Integer.Run(i, o, w, threads));
    }
    WriteCodes(writer, "V1_075_97_Integer", Bytes(V1_075_97_Integer.InputLength), V1_075_97_Integer.OutputLength, V1_075_97_Integer.WorkspaceLength, (i, o, w) => V1_075_97_Integer.Run(i, o, w));
    WriteCodes(writer, "V1_05_64_Int8_Integer", Bytes(V1_05_64_Int8_Integer.InputLength), V1_05_64_Int8_Integer.OutputLength, V1_05_64_Int8_Integer.WorkspaceLength, (i, o, w) => V1_05_64_Int8_Integer.Run(i, o, w));
    WriteCodes(writer, "PersonDetect_Integer", Bytes(PersonDetect_Integer.InputLength), PersonDetect_Integer.OutputLength, PersonDetect_Integer.WorkspaceLength,
        (i, o, w) => PersonDetect_Integer.Run(MemoryMarshal.Cast<byte, sbyte>(i), MemoryMarshal.Cast<byte, sbyte>(o), w));
    Console.WriteLine($"{RuntimeInformation.ProcessArchitecture}: AdvSimd {AdvSimd.IsSupported}, Dp {Dp.IsSupported}, Vector128 accelerated {Vector128.IsHardwareAccelerated}; outputs in {file}");
    return 0;
}

static void Write(StreamWriter writer, string name, int inputLength, int outputLength, int workspaceLength, RunNetwork run)
{
    // A fixed input in [−1, 1] from a linear congruential generator: the same bits on every machine.
    var input = new float[inputLength];
    uint state = 12345;
    for (int i = 0; i < input.Length; i++)
    {
        state = state * 1664525 + 1013904223;
        input[i] = (state >> 8) / 8388608f - 1;
    }
    var output = new float[outputLength];
    run(input, output, new float[workspaceLength]);
    writer.WriteLine($"{name} {string.Join(" ", output.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}");
}

// Fixed bytes from the same generator: the same on every machine.
static byte[] Bytes(int length)
{
    var bytes = new byte[length];
    uint state = 54321;
    for (int i = 0; i < bytes.Length; i++)
    {
        state = state * 1664525 + 1013904223;
        bytes[i] = (byte)(state >> 24);
    }
    return bytes;
}

// An integer network's output codes, as numbers.
static void WriteCodes(StreamWriter writer, string name, byte[] input, int outputLength, int workspaceLength, RunCodes run)
{
    var output = new byte[outputLength];
    run(input, output, new byte[workspaceLength]);
    writer.WriteLine($"{name} {string.Join(" ", output.Select(v => v.ToString(CultureInfo.InvariantCulture)))}");
}

static int Compare(string referenceFile, string candidateFile, bool dot)
{
    string[] reference = File.ReadAllLines(referenceFile), candidate = File.ReadAllLines(candidateFile);
    Console.WriteLine($"reference: {reference[0]}");
    Console.WriteLine($"candidate: {candidate[0]}");
    bool ok = candidate[0].Contains("AdvSimd=True") && candidate[0].Contains(dot ? "Dp=True" : "Dp=False") && candidate[0].Contains("Vector128Accelerated=True");
    if (!ok)
        Console.WriteLine($"FAIL: the candidate did not run on AdvSimd (NEON) {(dot ? "with" : "without")} the dot product");
    bool integerOnly = candidate[0].EndsWith("networks=integer", StringComparison.Ordinal);
    Dictionary<string, float[]> Parse(string[] lines) => lines.Skip(1).Select(l => l.Split(' '))
        .ToDictionary(p => p[0], p => p.Skip(1).Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray());
    Dictionary<string, float[]> x = Parse(reference), y = Parse(candidate);
    foreach ((string name, float[] a) in x.Where(n => !integerOnly || IsInteger(n.Key)))
    {
        if (!y.TryGetValue(name, out float[]? b) || b.Length != a.Length)
        {
            Console.WriteLine($"FAIL {name}: missing or of another length");
            ok = false;
            continue;
        }
        float difference = a.Zip(b, (p, q) => MathF.Abs(p - q)).Max();
        int[] topA = Top5(a), topB = Top5(b);
        bool same = IsInteger(name) ? difference == 0 : topA.SequenceEqual(topB) && difference <= 1e-5f;
        ok &= same;
        Console.WriteLine($"{(same ? "ok  " : "FAIL")} {name,-11} max |difference| {difference:E2}  top-5 {string.Join(",", topB)}{(topA.SequenceEqual(topB) ? "" : $" (x64: {string.Join(",", topA)})")}");
    }
    foreach ((string name, float[] threaded) in y.Where(n => n.Key.Contains('@')))
    {
        bool same = threaded.Select(BitConverter.SingleToInt32Bits).SequenceEqual(y[name.Split('@')[0]].Select(BitConverter.SingleToInt32Bits));
        ok &= same;
        Console.WriteLine($"{(same ? "ok  " : "FAIL")} {name,-11} {(same ? "the same bits as one thread" : "differs from one thread on this machine")}");
    }
    return ok ? 0 : 1;
}

// An integer network's line, on one thread or several: "V2_10_224_Integer", "V2_10_224_Integer@4".
static bool IsInteger(string name) => name.Split('@')[0].EndsWith("_Integer", StringComparison.Ordinal);

static int[] Top5(float[] values) => Enumerable.Range(0, values.Length).OrderByDescending(i => values[i]).ThenBy(i => i).Take(5).ToArray();

internal delegate void RunNetwork(ReadOnlySpan<float> input, Span<float> output, Span<float> workspace);
internal delegate void RunCodes(ReadOnlySpan<byte> input, Span<byte> output, Span<byte> workspace);
