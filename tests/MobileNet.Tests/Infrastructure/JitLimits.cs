using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;

namespace MobileNet.Tests.Infrastructure;

/// <summary>
/// Checks that the JIT will optimise every method of a generated network. Past any of its size limits
/// (IL bytes, IL instructions, basic blocks, locals, local references: DEFAULT_MIN_OPTS_* in the JIT's
/// compiler.cpp) the JIT compiles a method without optimisation, which made a V2 bottleneck 6 times
/// slower; NativeAOT never does, so only a JIT run would show it. The IL is decoded here and each count
/// must stay within three quarters of its limit (the JIT adds temporaries of its own).
/// </summary>
public static class JitLimits
{
    private static readonly (string Name, int Limit)[] Limits =
        [("IL bytes", 60000), ("IL instructions", 20000), ("basic blocks", 2000), ("locals and arguments", 2000), ("local references", 8000)];

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>Each method's counts, in the order of <see cref="Limits"/>.</summary>
    private static IEnumerable<(string Method, int[] Counts)> Measure(Type type) =>
        from method in type.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
        let body = method.GetMethodBody()
        where body is not null
        select (method.Name, Count(body.GetILAsByteArray()!, body.LocalVariables.Count + method.GetParameters().Length));

    /// <summary>Fails, naming the method and the count, if any method of <paramref name="type"/> comes within a quarter of a limit.</summary>
    public static void Check(Type type)
    {
        foreach ((string method, int[] counts) in Measure(type))
            for (int i = 0; i < Limits.Length; i++)
                if (counts[i] > Limits[i].Limit * 3 / 4)
                    throw new InvalidOperationException(
                        $"{type.Name}.{method} has {counts[i]} {Limits[i].Name}; the JIT stops optimising past {Limits[i].Limit}: split it into smaller methods.");
    }

    private static int[] Count(byte[] il, int locals)
    {
        int instructions = 0, branches = 0, references = 0;
        for (int at = 0; at < il.Length; instructions++)
        {
            OpCode op = il[at] == 0xFE ? OpCodesByValue[unchecked((short)(0xFE00 | il[at + 1]))] : OpCodesByValue[il[at]];
            at += op.Size;
            if (op.FlowControl is FlowControl.Branch or FlowControl.Cond_Branch)
                branches++;
            if (op.Name!.StartsWith("ldloc", StringComparison.Ordinal) || op.Name.StartsWith("stloc", StringComparison.Ordinal)
                || op.Name.StartsWith("ldarg", StringComparison.Ordinal) || op.Name.StartsWith("starg", StringComparison.Ordinal))
                references++;
            at += op.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
                _ => 4,
            };
        }
        // A branch ends a block and its target starts one.
        return [il.Length, instructions, 2 * branches + 1, locals, references];
    }
}
