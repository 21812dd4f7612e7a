using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;

namespace MobileNet;

/// <summary>
/// The multiply-adds the generated kernels call, under short names with the addend first, as NEON's
/// <c>vfmaq_f32</c> and <c>vfmaq_laneq_f32</c> have it: a network's kernels make thousands of these calls,
/// and the names are most of their text. Each is one fused multiply-add instruction once inlined.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class KernelMath
{
    /// <summary><c>addend + left × right</c>, rounded once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Fma(Vector128<float> addend, Vector128<float> left, Vector128<float> right) => Vector128.FusedMultiplyAdd(left, right, addend);

    /// <inheritdoc cref="Fma(Vector128{float}, Vector128{float}, Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Fma(Vector256<float> addend, Vector256<float> left, Vector256<float> right) => Vector256.FusedMultiplyAdd(left, right, addend);

    /// <inheritdoc cref="Fma(Vector128{float}, Vector128{float}, Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Fma(Vector512<float> addend, Vector512<float> left, Vector512<float> right) => Vector512.FusedMultiplyAdd(left, right, addend);

    /// <summary>
    /// <c>addend + left × right[lane]</c>, rounded once: NEON's FMLA by element, which takes its multiplier
    /// from a lane of a register, so that a GEMM loads four input channels with one instruction instead of
    /// loading and broadcasting each. Elsewhere the lane is broadcast by a shuffle. Either way the result is
    /// <see cref="Fma(Vector128{float}, Vector128{float}, Vector128{float})"/>'s on the broadcast lane, bit
    /// for bit. <paramref name="lane"/> must be a constant for the JIT to use the instruction's immediate form.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> FmaLane(Vector128<float> addend, Vector128<float> left, Vector128<float> right, [ConstantExpected(Max = (byte)3)] byte lane)
    {
        if (AdvSimd.Arm64.IsSupported)
            return AdvSimd.Arm64.FusedMultiplyAddBySelectedScalar(addend, left, right, lane);
        return Vector128.FusedMultiplyAdd(left, Vector128.Shuffle(right, Vector128.Create((int)lane)), addend);
    }
}
