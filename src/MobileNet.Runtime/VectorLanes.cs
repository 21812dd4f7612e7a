using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;

namespace MobileNet;

/// <summary>The 128-bit operations the generated kernels need that <see cref="Vector128"/> does not name.</summary>
public static class VectorLanes
{
    /// <summary>
    /// <c>addend + left × right[lane]</c>, rounded once: NEON's FMLA by element, which takes its multiplier
    /// from a lane of a register, so that a GEMM loads four input channels with one instruction instead of
    /// loading and broadcasting each. Elsewhere the lane is broadcast by a shuffle. Either way the result
    /// is that of <see cref="Vector128.FusedMultiplyAdd(Vector128{float}, Vector128{float}, Vector128{float})"/>
    /// on the broadcast lane, bit for bit. <paramref name="lane"/> must be a constant for the JIT to use the
    /// instruction's immediate form.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> FusedMultiplyAddByLane(Vector128<float> addend, Vector128<float> left, Vector128<float> right, [ConstantExpected(Max = (byte)3)] byte lane)
    {
        if (AdvSimd.Arm64.IsSupported)
            return AdvSimd.Arm64.FusedMultiplyAddBySelectedScalar(addend, left, right, lane);
        return Vector128.FusedMultiplyAdd(left, Vector128.Shuffle(right, Vector128.Create((int)lane)), addend);
    }
}
