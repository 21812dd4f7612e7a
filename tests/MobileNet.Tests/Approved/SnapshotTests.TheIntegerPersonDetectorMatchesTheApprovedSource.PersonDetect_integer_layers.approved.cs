    /// <summary>Layer 0: conv 3×3, 96×96×1 → 48×48×8, int8 (scale 0.007843138, zero point -1) → int8 (scale 0.023529412, zero point -128).</summary>
    private static void Layer00_Conv3x3S2(ref byte input, ref byte output)
    {
        const int InH = 96, InW = 96, InC = 1, C = 8, OutH = 48, OutW = 48, KernelH = 3, KernelW = 3, Stride = 2, PadTop = 0, PadLeft = 0;
        const int InputZeroPoint = -1, OutputZeroPoint = -128, OutputMin = -128, OutputMax = 127;
        ref byte data = ref MobileNetWeights.Layer00.Bytes;
        ref int bias = ref Unsafe.As<byte, int>(ref data);
        ref float scales = ref Unsafe.As<byte, float>(ref Unsafe.Add(ref data, 64));
        ref short taps = ref Unsafe.As<byte, short>(ref Unsafe.Add(ref data, 128));
        ref sbyte xs = ref Unsafe.As<byte, sbyte>(ref input);
        ref sbyte ys = ref Unsafe.As<byte, sbyte>(ref output);
        for (int oy = 0; oy < OutH; oy++)
        {
            // The window's rows and columns inside the input.
            int y0 = oy * Stride - PadTop, ky0 = Math.Max(0, -y0), ky1 = Math.Min(KernelH, InH - y0);
            for (int ox = 0; ox < OutW; ox++)
            {
                int x0 = ox * Stride - PadLeft, kx0 = Math.Max(0, -x0), kx1 = Math.Min(KernelW, InW - x0);
                int corner = y0 * InW + x0; // the window's top-left pixel, which may lie in the padding
                ref sbyte target = ref Unsafe.Add(ref ys, (oy * OutW + ox) * C);
                // One channel at a time: fewer than a vector's 16.
                for (int c = 0; c < C; c++)
                {
                    int acc = Unsafe.Add(ref bias, c);
                    for (int ky = ky0; ky < ky1; ky++)
                        for (int kx = kx0; kx < kx1; kx++)
                            for (int i = 0; i < InC; i++)
                                acc += (Unsafe.Add(ref xs, (corner + ky * InW + kx) * InC + i) - InputZeroPoint) * Unsafe.Add(ref taps, ((ky * KernelW + kx) * InC + i) * 16 + c);
                    Unsafe.Add(ref target, c) = (sbyte)global::MobileNet.IntegerMath.Requantize(acc, Unsafe.Add(ref scales, c), OutputZeroPoint, OutputMin, OutputMax);
                }
            }
        }
    }
    /// <summary>Layer 1: depthwise 3×3, 48×48×8 → 48×48×8, int8 (scale 0.023529412, zero point -128) → int8 (scale 0.023529412, zero point -128).</summary>
    private static void Layer01_Depthwise3x3S1(ref byte input, ref byte output)
    {
        const int InH = 48, InW = 48, C = 8, OutH = 48, OutW = 48, KernelH = 3, KernelW = 3, Stride = 1, PadTop = 1, PadLeft = 1;
        const int InputZeroPoint = -128, OutputZeroPoint = -128, OutputMin = -128, OutputMax = 127;
        ref byte data = ref MobileNetWeights.Layer01.Bytes;
        ref int bias = ref Unsafe.As<byte, int>(ref data);
        ref float scales = ref Unsafe.As<byte, float>(ref Unsafe.Add(ref data, 64));
        ref short taps = ref Unsafe.As<byte, short>(ref Unsafe.Add(ref data, 128));
        ref sbyte xs = ref Unsafe.As<byte, sbyte>(ref input);
        ref sbyte ys = ref Unsafe.As<byte, sbyte>(ref output);
        for (int oy = 0; oy < OutH; oy++)
        {
            // The window's rows and columns inside the input.
            int y0 = oy * Stride - PadTop, ky0 = Math.Max(0, -y0), ky1 = Math.Min(KernelH, InH - y0);
            for (int ox = 0; ox < OutW; ox++)
            {
                int x0 = ox * Stride - PadLeft, kx0 = Math.Max(0, -x0), kx1 = Math.Min(KernelW, InW - x0);
                int corner = y0 * InW + x0; // the window's top-left pixel, which may lie in the padding
                ref sbyte target = ref Unsafe.Add(ref ys, (oy * OutW + ox) * C);
                // One channel at a time: fewer than a vector's 16.
                for (int c = 0; c < C; c++)
                {
                    int acc = Unsafe.Add(ref bias, c);
                    for (int ky = ky0; ky < ky1; ky++)
                        for (int kx = kx0; kx < kx1; kx++)
                            acc += (Unsafe.Add(ref xs, (corner + ky * InW + kx) * C + c) - InputZeroPoint) * Unsafe.Add(ref taps, (ky * KernelW + kx) * 16 + c);
                    Unsafe.Add(ref target, c) = (sbyte)global::MobileNet.IntegerMath.Requantize(acc, Unsafe.Add(ref scales, c), OutputZeroPoint, OutputMin, OutputMax);
                }
            }
        }
    }
    /// <summary>Layer 2: pointwise 1×1, 48×48×8 → 48×48×16, int8 (scale 0.023529412, zero point -128) → int8 (scale 0.023529412, zero point -128).</summary>
    private static void Layer02_Pointwise(ref byte input, ref byte output, ref byte scratch)
    {
        const int Pixels = 2304, K = 8, OutC = 16;
        const int OutputZeroPoint = -128, OutputMin = -128, OutputMax = 127;
        ref byte data = ref MobileNetWeights.Layer02.Bytes;
        ref int bias = ref Unsafe.As<byte, int>(ref data);
        ref float scales = ref Unsafe.As<byte, float>(ref Unsafe.Add(ref data, 64));
        ref byte weights = ref Unsafe.Add(ref data, 128);
        if (Dp.IsSupported)
        {
            ref sbyte input8 = ref Unsafe.As<byte, sbyte>(ref input);
            for (int p = 0; p < 2304; p += 4)
            {
                ref sbyte a = ref Unsafe.Add(ref input8, p * K);
                {
                    const int b = 0;
                    ref byte wb = ref Unsafe.Add(ref weights, b * 128);
                    Vector128<int> c0_0 = default, c0_1 = default, c0_2 = default, c0_3 = default, c1_0 = default, c1_1 = default, c1_2 = default, c1_3 = default, c2_0 = default, c2_1 = default, c2_2 = default, c2_3 = default, c3_0 = default, c3_1 = default, c3_2 = default, c3_3 = default;
                    ref byte wk = ref wb;
                    // The last 8 input channels: 2 lanes of a load that reads past them into lanes left unused.
                    {
                        Vector128<sbyte> x0 = Vector128.LoadUnsafe(ref a), x1 = Vector128.LoadUnsafe(ref a, (nuint)(K)), x2 = Vector128.LoadUnsafe(ref a, (nuint)(2 * K)), x3 = Vector128.LoadUnsafe(ref a, (nuint)(3 * K));
                        Vector128<sbyte> w0_0 = Vector128.LoadUnsafe(ref Unsafe.As<byte, sbyte>(ref wk), 0), w0_1 = Vector128.LoadUnsafe(ref Unsafe.As<byte, sbyte>(ref wk), 16), w0_2 = Vector128.LoadUnsafe(ref Unsafe.As<byte, sbyte>(ref wk), 32), w0_3 = Vector128.LoadUnsafe(ref Unsafe.As<byte, sbyte>(ref wk), 48);
                        c0_0 = Dp.DotProductBySelectedQuadruplet(c0_0, w0_0, x0, 0); c0_1 = Dp.DotProductBySelectedQuadruplet(c0_1, w0_1, x0, 0); c0_2 = Dp.DotProductBySelectedQuadruplet(c0_2, w0_2, x0, 0); c0_3 = Dp.DotProductBySelectedQuadruplet(c0_3, w0_3, x0, 0);
                        c1_0 = Dp.DotProductBySelectedQuadruplet(c1_0, w0_0, x1, 0); c1_1 = Dp.DotProductBySelectedQuadruplet(c1_1, w0_1, x1, 0); c1_2 = Dp.DotProductBySelectedQuadruplet(c1_2, w0_2, x1, 0); c1_3 = Dp.DotProductBySelectedQuadruplet(c1_3, w0_3, x1, 0);
                        c2_0 = Dp.DotProductBySelectedQuadruplet(c2_0, w0_0, x2, 0); c2_1 = Dp.DotProductBySelectedQuadruplet(c2_1, w0_1, x2, 0); c2_2 = Dp.DotProductBySelectedQuadruplet(c2_2, w0_2, x2, 0); c2_3 = Dp.DotProductBySelectedQuadruplet(c2_3, w0_3, x2, 0);
                        c3_0 = Dp.DotProductBySelectedQuadruplet(c3_0, w0_0, x3, 0); c3_1 = Dp.DotProductBySelectedQuadruplet(c3_1, w0_1, x3, 0); c3_2 = Dp.DotProductBySelectedQuadruplet(c3_2, w0_2, x3, 0); c3_3 = Dp.DotProductBySelectedQuadruplet(c3_3, w0_3, x3, 0);
                        Vector128<sbyte> w1_0 = Vector128.LoadUnsafe(ref Unsafe.As<byte, sbyte>(ref wk), 64), w1_1 = Vector128.LoadUnsafe(ref Unsafe.As<byte, sbyte>(ref wk), 80), w1_2 = Vector128.LoadUnsafe(ref Unsafe.As<byte, sbyte>(ref wk), 96), w1_3 = Vector128.LoadUnsafe(ref Unsafe.As<byte, sbyte>(ref wk), 112);
                        c0_0 = Dp.DotProductBySelectedQuadruplet(c0_0, w1_0, x0, 1); c0_1 = Dp.DotProductBySelectedQuadruplet(c0_1, w1_1, x0, 1); c0_2 = Dp.DotProductBySelectedQuadruplet(c0_2, w1_2, x0, 1); c0_3 = Dp.DotProductBySelectedQuadruplet(c0_3, w1_3, x0, 1);
                        c1_0 = Dp.DotProductBySelectedQuadruplet(c1_0, w1_0, x1, 1); c1_1 = Dp.DotProductBySelectedQuadruplet(c1_1, w1_1, x1, 1); c1_2 = Dp.DotProductBySelectedQuadruplet(c1_2, w1_2, x1, 1); c1_3 = Dp.DotProductBySelectedQuadruplet(c1_3, w1_3, x1, 1);
                        c2_0 = Dp.DotProductBySelectedQuadruplet(c2_0, w1_0, x2, 1); c2_1 = Dp.DotProductBySelectedQuadruplet(c2_1, w1_1, x2, 1); c2_2 = Dp.DotProductBySelectedQuadruplet(c2_2, w1_2, x2, 1); c2_3 = Dp.DotProductBySelectedQuadruplet(c2_3, w1_3, x2, 1);
                        c3_0 = Dp.DotProductBySelectedQuadruplet(c3_0, w1_0, x3, 1); c3_1 = Dp.DotProductBySelectedQuadruplet(c3_1, w1_1, x3, 1); c3_2 = Dp.DotProductBySelectedQuadruplet(c3_2, w1_2, x3, 1); c3_3 = Dp.DotProductBySelectedQuadruplet(c3_3, w1_3, x3, 1);
                    }
                    // Requantisation: the sum times the scale, clamped relative to the zero point, rounded to even, then shifted by it.
                    int o = b * 16;
                    Vector128<float> lo = Vector128.Create((float)(OutputMin - OutputZeroPoint)), hi = Vector128.Create((float)(OutputMax - OutputZeroPoint));
                    Vector128<int> bias0 = Vector128.LoadUnsafe(ref bias, (nuint)(o + 0));
                    Vector128<float> scale0 = Vector128.LoadUnsafe(ref scales, (nuint)(o + 0));
                    Vector128<int> bias1 = Vector128.LoadUnsafe(ref bias, (nuint)(o + 4));
                    Vector128<float> scale1 = Vector128.LoadUnsafe(ref scales, (nuint)(o + 4));
                    Vector128<int> bias2 = Vector128.LoadUnsafe(ref bias, (nuint)(o + 8));
                    Vector128<float> scale2 = Vector128.LoadUnsafe(ref scales, (nuint)(o + 8));
                    Vector128<int> bias3 = Vector128.LoadUnsafe(ref bias, (nuint)(o + 12));
                    Vector128<float> scale3 = Vector128.LoadUnsafe(ref scales, (nuint)(o + 12));
                    Vector128<int> q0_0 = AdvSimd.ConvertToInt32RoundToEven(Vector128.Clamp(Vector128.ConvertToSingle(c0_0 + bias0) * scale0, lo, hi)) + Vector128.Create(OutputZeroPoint);
                    Vector128<int> q0_1 = AdvSimd.ConvertToInt32RoundToEven(Vector128.Clamp(Vector128.ConvertToSingle(c0_1 + bias1) * scale1, lo, hi)) + Vector128.Create(OutputZeroPoint);
                    Vector128<int> q0_2 = AdvSimd.ConvertToInt32RoundToEven(Vector128.Clamp(Vector128.ConvertToSingle(c0_2 + bias2) * scale2, lo, hi)) + Vector128.Create(OutputZeroPoint);
                    Vector128<int> q0_3 = AdvSimd.ConvertToInt32RoundToEven(Vector128.Clamp(Vector128.ConvertToSingle(c0_3 + bias3) * scale3, lo, hi)) + Vector128.Create(OutputZeroPoint);
                    Vector128<byte> y0 = Vector128.Narrow(Vector128.Narrow(q0_0, q0_1), Vector128.Narrow(q0_2, q0_3)).AsByte();
                    y0.StoreUnsafe(ref Unsafe.Add(ref output, p * OutC + o));
                    Vector128<int> q1_0 = AdvSimd.ConvertToInt32RoundToEven(Vector128.Clamp(Vector128.ConvertToSingle(c1_0 + bias0) * scale0, lo, hi)) + Vector128.Create(OutputZeroPoint);
                    Vector128<int> q1_1 = AdvSimd.ConvertToInt32RoundToEven(Vector128.Clamp(Vector128.ConvertToSingle(c1_1 + bias1) * scale1, lo, hi)) + Vector128.Create(OutputZeroPoint);
                    Vector128<int> q1_2 = AdvSimd.ConvertToInt32RoundToEven(Vector128.Clamp(Vector128.ConvertToSingle(c1_2 + bias2) * scale2, lo, hi)) + Vector128.Create(OutputZeroPoint);
                    Vector128<int> q1_3 = AdvSimd.ConvertToInt32RoundToEven(Vector128.Clamp(Vector128.ConvertToSingle(c1_3 + bias3) * scale3, lo, hi)) + Vector128.Create(OutputZeroPoint);
                    Vector128<byte> y1 = Vector128.Narrow(Vector128.Narrow(q1_0, q1_1), Vector128.Narrow(q1_2, q1_3)).AsByte();
                    y1.StoreUnsafe(ref Unsafe.Add(ref output, (p + 1) * OutC + o));
                    Vector128<int> q2_0 = AdvSimd.ConvertToInt32RoundToEven(Vector128.Clamp(Vector128.ConvertToSingle(c2_0 + bias0) * scale0, lo, hi)) + Vector128.Create(OutputZeroPoint);
                    Vector128<int> q2_1 = AdvSimd.ConvertToInt32RoundToEven(Vector128.Clamp(Vector128.ConvertToSingle(c2_1 + bias1) * scale1, lo, hi)) + Vector128.Create(OutputZeroPoint);
                    Vector128<int> q2_2 = AdvSimd.ConvertToInt32RoundToEven(Vector128.Clamp(Vector128.ConvertToSingle(c2_2 + bias2) * scale2, lo, hi)) + Vector128.Create(OutputZeroPoint);
                    Vector128<int> q2_3 = AdvSimd.ConvertToInt32RoundToEven(Vector128.Clamp(Vector128.ConvertToSingle(c2_3 + bias3) * scale3, lo, hi)) + Vector128.Create(OutputZeroPoint);
                    Vector128<byte> y2 = Vector128.Narrow(Vector128.Narrow(q2_0, q2_1), Vector128.Narrow(q2_2, q2_3)).AsByte();
                    y2.StoreUnsafe(ref Unsafe.Add(ref output, (p + 2) * OutC + o));
                    Vector128<int> q3_0 = AdvSimd.ConvertToInt32RoundToEven(Vector128.Clamp(Vector128.ConvertToSingle(c3_0 + bias0) * scale0, lo, hi)) + Vector128.Create(OutputZeroPoint);
                    Vector128<int> q3_1 = AdvSimd.ConvertToInt32RoundToEven(Vector128.Clamp(Vector128.ConvertToSingle(c3_1 + bias1) * scale1, lo, hi)) + Vector128.Create(OutputZeroPoint);
                    Vector128<int> q3_2 = AdvSimd.ConvertToInt32RoundToEven(Vector128.Clamp(Vector128.ConvertToSingle(c3_2 + bias2) * scale2, lo, hi)) + Vector128.Create(OutputZeroPoint);
                    Vector128<int> q3_3 = AdvSimd.ConvertToInt32RoundToEven(Vector128.Clamp(Vector128.ConvertToSingle(c3_3 + bias3) * scale3, lo, hi)) + Vector128.Create(OutputZeroPoint);
                    Vector128<byte> y3 = Vector128.Narrow(Vector128.Narrow(q3_0, q3_1), Vector128.Narrow(q3_2, q3_3)).AsByte();
                    y3.StoreUnsafe(ref Unsafe.Add(ref output, (p + 3) * OutC + o));
                }
            }
            return;
        }
        else if (AdvSimd.Arm64.IsSupported)
        {
            ref sbyte input8 = ref Unsafe.As<byte, sbyte>(ref input);
            for (int p = 0; p < 2304; p += 4)
            {
                ref sbyte a = ref Unsafe.Add(ref input8, p * K);
                {
                    const int b = 0;
                    ref byte wb = ref Unsafe.Add(ref weights, b * 128);
                    Vector128<int> c0_0 = default, c0_1 = default, c0_2 = default, c0_3 = default, c1_0 = default, c1_1 = default, c1_2 = default, c1_3 = default, c2_0 = default, c2_1 = default, c2_2 = default, c2_3 = default, c3_0 = default, c3_1 = default, c3_2 = default, c3_3 = default;
                    ref byte wk = ref wb;
                    // Input channels 0 … 7 of each pixel in 16 bits: lane i is channel i.
                    {
                        Vector128<short> x0 = AdvSimd.SignExtendWideningLower(Vector64.LoadUnsafe(ref a)), x1 = AdvSimd.SignExtendWideningLower(Vector64.LoadUnsafe(ref a, (nuint)(K))), x2 = AdvSimd.SignExtendWideningLower(Vector64.LoadUnsafe(ref a, (nuint)(2 * K))), x3 = AdvSimd.SignExtendWideningLower(Vector64.LoadUnsafe(ref a, (nuint)(3 * K)));
                        // Channels 0 … 3, lanes 0 … 3: the step's weights as one vector of 16 outputs per channel, each widened to outputs 0 … 7 (lo) and 8 … 15 (hi).
                        {
                            Vector128<sbyte> w0 = Vector128.LoadUnsafe(ref Unsafe.As<byte, sbyte>(ref wk), 0), w1 = Vector128.LoadUnsafe(ref Unsafe.As<byte, sbyte>(ref wk), 16), w2 = Vector128.LoadUnsafe(ref Unsafe.As<byte, sbyte>(ref wk), 32), w3 = Vector128.LoadUnsafe(ref Unsafe.As<byte, sbyte>(ref wk), 48);
                            Vector128<sbyte> even01 = AdvSimd.Arm64.UnzipEven(w0, w1), even23 = AdvSimd.Arm64.UnzipEven(w2, w3), odd01 = AdvSimd.Arm64.UnzipOdd(w0, w1), odd23 = AdvSimd.Arm64.UnzipOdd(w2, w3);
                            Vector128<sbyte> channel0 = AdvSimd.Arm64.UnzipEven(even01, even23), channel1 = AdvSimd.Arm64.UnzipEven(odd01, odd23), channel2 = AdvSimd.Arm64.UnzipOdd(even01, even23), channel3 = AdvSimd.Arm64.UnzipOdd(odd01, odd23);
                            Vector128<short> hi0 = AdvSimd.SignExtendWideningUpper(channel0), lo0 = AdvSimd.SignExtendWideningLower(channel0.GetLower());
                            c0_1 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c0_1, lo0, x0, 0); c0_3 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c0_3, hi0, x0, 0);
                            c1_1 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c1_1, lo0, x1, 0); c1_3 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c1_3, hi0, x1, 0);
                            c2_1 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c2_1, lo0, x2, 0); c2_3 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c2_3, hi0, x2, 0);
                            c3_1 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c3_1, lo0, x3, 0); c3_3 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c3_3, hi0, x3, 0);
                            c0_0 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c0_0, lo0.GetLower(), x0, 0); c0_2 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c0_2, hi0.GetLower(), x0, 0);
                            c1_0 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c1_0, lo0.GetLower(), x1, 0); c1_2 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c1_2, hi0.GetLower(), x1, 0);
                            c2_0 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c2_0, lo0.GetLower(), x2, 0); c2_2 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c2_2, hi0.GetLower(), x2, 0);
                            c3_0 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c3_0, lo0.GetLower(), x3, 0); c3_2 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c3_2, hi0.GetLower(), x3, 0);
                            Vector128<short> hi1 = AdvSimd.SignExtendWideningUpper(channel1), lo1 = AdvSimd.SignExtendWideningLower(channel1.GetLower());
                            c0_1 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c0_1, lo1, x0, 1); c0_3 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c0_3, hi1, x0, 1);
                            c1_1 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c1_1, lo1, x1, 1); c1_3 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c1_3, hi1, x1, 1);
                            c2_1 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c2_1, lo1, x2, 1); c2_3 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c2_3, hi1, x2, 1);
                            c3_1 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c3_1, lo1, x3, 1); c3_3 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c3_3, hi1, x3, 1);
                            c0_0 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c0_0, lo1.GetLower(), x0, 1); c0_2 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c0_2, hi1.GetLower(), x0, 1);
                            c1_0 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c1_0, lo1.GetLower(), x1, 1); c1_2 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c1_2, hi1.GetLower(), x1, 1);
                            c2_0 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c2_0, lo1.GetLower(), x2, 1); c2_2 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c2_2, hi1.GetLower(), x2, 1);
                            c3_0 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c3_0, lo1.GetLower(), x3, 1); c3_2 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c3_2, hi1.GetLower(), x3, 1);
                            Vector128<short> hi2 = AdvSimd.SignExtendWideningUpper(channel2), lo2 = AdvSimd.SignExtendWideningLower(channel2.GetLower());
                            c0_1 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c0_1, lo2, x0, 2); c0_3 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c0_3, hi2, x0, 2);
                            c1_1 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c1_1, lo2, x1, 2); c1_3 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c1_3, hi2, x1, 2);
                            c2_1 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c2_1, lo2, x2, 2); c2_3 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c2_3, hi2, x2, 2);
                            c3_1 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c3_1, lo2, x3, 2); c3_3 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c3_3, hi2, x3, 2);
                            c0_0 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c0_0, lo2.GetLower(), x0, 2); c0_2 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c0_2, hi2.GetLower(), x0, 2);
                            c1_0 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c1_0, lo2.GetLower(), x1, 2); c1_2 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c1_2, hi2.GetLower(), x1, 2);
                            c2_0 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c2_0, lo2.GetLower(), x2, 2); c2_2 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c2_2, hi2.GetLower(), x2, 2);
                            c3_0 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c3_0, lo2.GetLower(), x3, 2); c3_2 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c3_2, hi2.GetLower(), x3, 2);
                            Vector128<short> hi3 = AdvSimd.SignExtendWideningUpper(channel3), lo3 = AdvSimd.SignExtendWideningLower(channel3.GetLower());
                            c0_1 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c0_1, lo3, x0, 3); c0_3 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c0_3, hi3, x0, 3);
                            c1_1 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c1_1, lo3, x1, 3); c1_3 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c1_3, hi3, x1, 3);
                            c2_1 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c2_1, lo3, x2, 3); c2_3 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c2_3, hi3, x2, 3);
                            c3_1 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c3_1, lo3, x3, 3); c3_3 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c3_3, hi3, x3, 3);
                            c0_0 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c0_0, lo3.GetLower(), x0, 3); c0_2 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c0_2, hi3.GetLower(), x0, 3);
                            c1_0 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c1_0, lo3.GetLower(), x1, 3); c1_2 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c1_2, hi3.GetLower(), x1, 3);
                            c2_0 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c2_0, lo3.GetLower(), x2, 3); c2_2 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c2_2, hi3.GetLower(), x2, 3);
                            c3_0 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c3_0, lo3.GetLower(), x3, 3); c3_2 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c3_2, hi3.GetLower(), x3, 3);
                        }
                        // Channels 4 … 7, lanes 4 … 7: the step's weights as one vector of 16 outputs per channel, each widened to outputs 0 … 7 (lo) and 8 … 15 (hi).
                        {
                            Vector128<sbyte> w0 = Vector128.LoadUnsafe(ref Unsafe.As<byte, sbyte>(ref wk), 64), w1 = Vector128.LoadUnsafe(ref Unsafe.As<byte, sbyte>(ref wk), 80), w2 = Vector128.LoadUnsafe(ref Unsafe.As<byte, sbyte>(ref wk), 96), w3 = Vector128.LoadUnsafe(ref Unsafe.As<byte, sbyte>(ref wk), 112);
                            Vector128<sbyte> even01 = AdvSimd.Arm64.UnzipEven(w0, w1), even23 = AdvSimd.Arm64.UnzipEven(w2, w3), odd01 = AdvSimd.Arm64.UnzipOdd(w0, w1), odd23 = AdvSimd.Arm64.UnzipOdd(w2, w3);
                            Vector128<sbyte> channel0 = AdvSimd.Arm64.UnzipEven(even01, even23), channel1 = AdvSimd.Arm64.UnzipEven(odd01, odd23), channel2 = AdvSimd.Arm64.UnzipOdd(even01, even23), channel3 = AdvSimd.Arm64.UnzipOdd(odd01, odd23);
                            Vector128<short> hi0 = AdvSimd.SignExtendWideningUpper(channel0), lo0 = AdvSimd.SignExtendWideningLower(channel0.GetLower());
                            c0_1 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c0_1, lo0, x0, 4); c0_3 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c0_3, hi0, x0, 4);
                            c1_1 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c1_1, lo0, x1, 4); c1_3 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c1_3, hi0, x1, 4);
                            c2_1 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c2_1, lo0, x2, 4); c2_3 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c2_3, hi0, x2, 4);
                            c3_1 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c3_1, lo0, x3, 4); c3_3 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c3_3, hi0, x3, 4);
                            c0_0 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c0_0, lo0.GetLower(), x0, 4); c0_2 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c0_2, hi0.GetLower(), x0, 4);
                            c1_0 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c1_0, lo0.GetLower(), x1, 4); c1_2 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c1_2, hi0.GetLower(), x1, 4);
                            c2_0 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c2_0, lo0.GetLower(), x2, 4); c2_2 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c2_2, hi0.GetLower(), x2, 4);
                            c3_0 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c3_0, lo0.GetLower(), x3, 4); c3_2 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c3_2, hi0.GetLower(), x3, 4);
                            Vector128<short> hi1 = AdvSimd.SignExtendWideningUpper(channel1), lo1 = AdvSimd.SignExtendWideningLower(channel1.GetLower());
                            c0_1 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c0_1, lo1, x0, 5); c0_3 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c0_3, hi1, x0, 5);
                            c1_1 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c1_1, lo1, x1, 5); c1_3 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c1_3, hi1, x1, 5);
                            c2_1 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c2_1, lo1, x2, 5); c2_3 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c2_3, hi1, x2, 5);
                            c3_1 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c3_1, lo1, x3, 5); c3_3 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c3_3, hi1, x3, 5);
                            c0_0 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c0_0, lo1.GetLower(), x0, 5); c0_2 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c0_2, hi1.GetLower(), x0, 5);
                            c1_0 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c1_0, lo1.GetLower(), x1, 5); c1_2 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c1_2, hi1.GetLower(), x1, 5);
                            c2_0 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c2_0, lo1.GetLower(), x2, 5); c2_2 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c2_2, hi1.GetLower(), x2, 5);
                            c3_0 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c3_0, lo1.GetLower(), x3, 5); c3_2 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c3_2, hi1.GetLower(), x3, 5);
                            Vector128<short> hi2 = AdvSimd.SignExtendWideningUpper(channel2), lo2 = AdvSimd.SignExtendWideningLower(channel2.GetLower());
                            c0_1 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c0_1, lo2, x0, 6); c0_3 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c0_3, hi2, x0, 6);
                            c1_1 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c1_1, lo2, x1, 6); c1_3 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c1_3, hi2, x1, 6);
                            c2_1 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c2_1, lo2, x2, 6); c2_3 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c2_3, hi2, x2, 6);
                            c3_1 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c3_1, lo2, x3, 6); c3_3 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c3_3, hi2, x3, 6);
                            c0_0 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c0_0, lo2.GetLower(), x0, 6); c0_2 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c0_2, hi2.GetLower(), x0, 6);
                            c1_0 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c1_0, lo2.GetLower(), x1, 6); c1_2 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c1_2, hi2.GetLower(), x1, 6);
                            c2_0 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c2_0, lo2.GetLower(), x2, 6); c2_2 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c2_2, hi2.GetLower(), x2, 6);
                            c3_0 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c3_0, lo2.GetLower(), x3, 6); c3_2 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c3_2, hi2.GetLower(), x3, 6);
                            Vector128<short> hi3 = AdvSimd.SignExtendWideningUpper(channel3), lo3 = AdvSimd.SignExtendWideningLower(channel3.GetLower());
                            c0_1 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c0_1, lo3, x0, 7); c0_3 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c0_3, hi3, x0, 7);
                            c1_1 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c1_1, lo3, x1, 7); c1_3 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c1_3, hi3, x1, 7);
                            c2_1 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c2_1, lo3, x2, 7); c2_3 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c2_3, hi3, x2, 7);
                            c3_1 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c3_1, lo3, x3, 7); c3_3 = AdvSimd.MultiplyBySelectedScalarWideningUpperAndAdd(c3_3, hi3, x3, 7);
                            c0_0 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c0_0, lo3.GetLower(), x0, 7); c0_2 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c0_2, hi3.GetLower(), x0, 7);
                            c1_0 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c1_0, lo3.GetLower(), x1, 7); c1_2 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c1_2, hi3.GetLower(), x1, 7);
                            c2_0 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c2_0, lo3.GetLower(), x2, 7); c2_2 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c2_2, hi3.GetLower(), x2, 7);
                            c3_0 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c3_0, lo3.GetLower(), x3, 7); c3_2 = AdvSimd.MultiplyBySelectedScalarWideningLowerAndAdd(c3_2, hi3.GetLower(), x3, 7);
                        }
                    }
                    // Requantisation: the sum times the scale, clamped relative to the zero point, rounded to even, then shifted by it.
                    int o = b * 16;
                    Vector128<float> lo = Vector128.Create((float)(OutputMin - OutputZeroPoint)), hi = Vector128.Create((float)(OutputMax - OutputZeroPoint));
                    Vector128<int> bias0 = Vector128.LoadUnsafe(ref bias, (nuint)(o + 0));
                    Vector128<float> scale0 = Vector128.LoadUnsafe(ref scales, (nuint)(o + 0));
                    Vector128<int> bias1 = Vector128.LoadUnsafe(ref bias, (nuint)(o + 4));
                    Vector128<float> scale1 = Vector128.LoadUnsafe(ref scales, (nuint)(o + 4));
                    Vector128<int> bias2 = Vector128.LoadUnsafe(ref bias, (nuint)(o + 8));
                    Vector128<float> scale2 = Vector128.LoadUnsafe(ref scales, (nuint)(o + 8));
                    Vector128<int> bias3 = Vector128.LoadUnsafe(ref bias, (nuint)(o + 12));
                    Vector128<float> scale3 = Vector128.LoadUnsafe(ref scales, (nuint)(o + 12));
                    Vector128<int> q0_0 = AdvSimd.ConvertToInt32RoundToEven(Vector128.Clamp(Vector128.ConvertToSingle(c0_0 + bias0) * scale0, lo, hi)) + Vector128.Create(OutputZeroPoint);
                    Vector128<int> q0_1 = AdvSimd.ConvertToInt32RoundToEven(Vector128.Clamp(Vector128.ConvertToSingle(c0_1 + bias1) * scale1, lo, hi)) + Vector128.Create(OutputZeroPoint);
                    Vector128<int> q0_2 = AdvSimd.ConvertToInt32RoundToEven(Vector128.Clamp(Vector128.ConvertToSingle(c0_2 + bias2) * scale2, lo, hi)) + Vector128.Create(OutputZeroPoint);
                    Vector128<int> q0_3 = AdvSimd.ConvertToInt32RoundToEven(Vector128.Clamp(Vector128.ConvertToSingle(c0_3 + bias3) * scale3, lo, hi)) + Vector128.Create(OutputZeroPoint);
                    Vector128<byte> y0 = Vector128.Narrow(Vector128.Narrow(q0_0, q0_1), Vector128.Narrow(q0_2, q0_3)).AsByte();
                    y0.StoreUnsafe(ref Unsafe.Add(ref output, p * OutC + o));
                    Vector128<int> q1_0 = AdvSimd.ConvertToInt32RoundToEven(Vector128.Clamp(Vector128.ConvertToSingle(c1_0 + bias0) * scale0, lo, hi)) + Vector128.Create(OutputZeroPoint);
                    Vector128<int> q1_1 = AdvSimd.ConvertToInt32RoundToEven(Vector128.Clamp(Vector128.ConvertToSingle(c1_1 + bias1) * scale1, lo, hi)) + Vector128.Create(OutputZeroPoint);
                    Vector128<int> q1_2 = AdvSimd.ConvertToInt32RoundToEven(Vector128.Clamp(Vector128.ConvertToSingle(c1_2 + bias2) * scale2, lo, hi)) + Vector128.Create(OutputZeroPoint);
                    Vector128<int> q1_3 = AdvSimd.ConvertToInt32RoundToEven(Vector128.Clamp(Vector128.ConvertToSingle(c1_3 + bias3) * scale3, lo, hi)) + Vector128.Create(OutputZeroPoint);
                    Vector128<byte> y1 = Vector128.Narrow(Vector128.Narrow(q1_0, q1_1), Vector128.Narrow(q1_2, q1_3)).AsByte();
                    y1.StoreUnsafe(ref Unsafe.Add(ref output, (p + 1) * OutC + o));
                    Vector128<int> q2_0 = AdvSimd.ConvertToInt32RoundToEven(Vector128.Clamp(Vector128.ConvertToSingle(c2_0 + bias0) * scale0, lo, hi)) + Vector128.Create(OutputZeroPoint);
                    Vector128<int> q2_1 = AdvSimd.ConvertToInt32RoundToEven(Vector128.Clamp(Vector128.ConvertToSingle(c2_1 + bias1) * scale1, lo, hi)) + Vector128.Create(OutputZeroPoint);
                    Vector128<int> q2_2 = AdvSimd.ConvertToInt32RoundToEven(Vector128.Clamp(Vector128.ConvertToSingle(c2_2 + bias2) * scale2, lo, hi)) + Vector128.Create(OutputZeroPoint);
                    Vector128<int> q2_3 = AdvSimd.ConvertToInt32RoundToEven(Vector128.Clamp(Vector128.ConvertToSingle(c2_3 + bias3) * scale3, lo, hi)) + Vector128.Create(OutputZeroPoint);
                    Vector128<byte> y2 = Vector128.Narrow(Vector128.Narrow(q2_0, q2_1), Vector128.Narrow(q2_2, q2_3)).AsByte();
                    y2.StoreUnsafe(ref Unsafe.Add(ref output, (p + 2) * OutC + o));
                    Vector128<int> q3_0 = AdvSimd.ConvertToInt32RoundToEven(Vector128.Clamp(Vector128.ConvertToSingle(c3_0 + bias0) * scale0, lo, hi)) + Vector128.Create(OutputZeroPoint);
                    Vector128<int> q3_1 = AdvSimd.ConvertToInt32RoundToEven(Vector128.Clamp(Vector128.ConvertToSingle(c3_1 + bias1) * scale1, lo, hi)) + Vector128.Create(OutputZeroPoint);
                    Vector128<int> q3_2 = AdvSimd.ConvertToInt32RoundToEven(Vector128.Clamp(Vector128.ConvertToSingle(c3_2 + bias2) * scale2, lo, hi)) + Vector128.Create(OutputZeroPoint);
                    Vector128<int> q3_3 = AdvSimd.ConvertToInt32RoundToEven(Vector128.Clamp(Vector128.ConvertToSingle(c3_3 + bias3) * scale3, lo, hi)) + Vector128.Create(OutputZeroPoint);
                    Vector128<byte> y3 = Vector128.Narrow(Vector128.Narrow(q3_0, q3_1), Vector128.Narrow(q3_2, q3_3)).AsByte();
                    y3.StoreUnsafe(ref Unsafe.Add(ref output, (p + 3) * OutC + o));
                }
            }
            return;
        }
        else if (Avx2.IsSupported)
        {
            ref sbyte input8 = ref Unsafe.As<byte, sbyte>(ref input);
            ref short wide = ref Unsafe.As<byte, short>(ref scratch);
            for (int p = 0; p < 2304; p += 4)
            {
                // The tile's pixels in 16 bits, once for all the output blocks.
                for (int k = 0; k < K; k++)
                {
                    { int value = Unsafe.Add(ref input8, p * K + k); Unsafe.Add(ref wide, k) = (short)value; }
                    { int value = Unsafe.Add(ref input8, (p + 1) * K + k); Unsafe.Add(ref wide, 8 + k) = (short)value; }
                    { int value = Unsafe.Add(ref input8, (p + 2) * K + k); Unsafe.Add(ref wide, 16 + k) = (short)value; }
                    { int value = Unsafe.Add(ref input8, (p + 3) * K + k); Unsafe.Add(ref wide, 24 + k) = (short)value; }
                }
                for (int b = 0; b < 2; b++)
                {
                    ref byte wb = ref Unsafe.Add(ref weights, b / 2 * 128 + b % 2 * 32);
                    Vector256<int> c0_0 = default, c0_1 = default, c1_0 = default, c1_1 = default, c2_0 = default, c2_1 = default, c3_0 = default, c3_1 = default;
                    for (int k = 0; k < 8; k += 4)
                    {
                        ref byte wk = ref Unsafe.Add(ref wb, k / 4 * 64);
                        Vector256<short> w0 = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref Unsafe.As<byte, sbyte>(ref wk), 0)), w1 = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref Unsafe.As<byte, sbyte>(ref wk), 16));
                        Vector256<short> x0 = Vector256.Create(Unsafe.As<short, long>(ref Unsafe.Add(ref wide, k))).AsInt16(); c0_0 = Avx2.Add(c0_0, Avx2.MultiplyAddAdjacent(w0, x0)); c0_1 = Avx2.Add(c0_1, Avx2.MultiplyAddAdjacent(w1, x0));
                        Vector256<short> x1 = Vector256.Create(Unsafe.As<short, long>(ref Unsafe.Add(ref wide, 8 + k))).AsInt16(); c1_0 = Avx2.Add(c1_0, Avx2.MultiplyAddAdjacent(w0, x1)); c1_1 = Avx2.Add(c1_1, Avx2.MultiplyAddAdjacent(w1, x1));
                        Vector256<short> x2 = Vector256.Create(Unsafe.As<short, long>(ref Unsafe.Add(ref wide, 16 + k))).AsInt16(); c2_0 = Avx2.Add(c2_0, Avx2.MultiplyAddAdjacent(w0, x2)); c2_1 = Avx2.Add(c2_1, Avx2.MultiplyAddAdjacent(w1, x2));
                        Vector256<short> x3 = Vector256.Create(Unsafe.As<short, long>(ref Unsafe.Add(ref wide, 24 + k))).AsInt16(); c3_0 = Avx2.Add(c3_0, Avx2.MultiplyAddAdjacent(w0, x3)); c3_1 = Avx2.Add(c3_1, Avx2.MultiplyAddAdjacent(w1, x3));
                    }
                    // Lanes 2i and 2i + 1 hold output i's halves: add them, and put the outputs back in order.
                    Vector256<int> c0 = Avx2.Permute4x64(Avx2.HorizontalAdd(c0_0, c0_1).AsInt64(), 0b11_01_10_00).AsInt32();
                    Vector256<int> c1 = Avx2.Permute4x64(Avx2.HorizontalAdd(c1_0, c1_1).AsInt64(), 0b11_01_10_00).AsInt32();
                    Vector256<int> c2 = Avx2.Permute4x64(Avx2.HorizontalAdd(c2_0, c2_1).AsInt64(), 0b11_01_10_00).AsInt32();
                    Vector256<int> c3 = Avx2.Permute4x64(Avx2.HorizontalAdd(c3_0, c3_1).AsInt64(), 0b11_01_10_00).AsInt32();
                    // Requantisation: the sum times the scale, clamped relative to the zero point, rounded to even, then shifted by it.
                    int o = b * 8;
                    Vector256<float> lo = Vector256.Create((float)(OutputMin - OutputZeroPoint)), hi = Vector256.Create((float)(OutputMax - OutputZeroPoint));
                    Vector256<int> bias0 = Vector256.LoadUnsafe(ref bias, (nuint)(o + 0));
                    Vector256<float> scale0 = Vector256.LoadUnsafe(ref scales, (nuint)(o + 0));
                    Vector256<int> q0_0 = Avx.ConvertToVector256Int32(Vector256.Clamp(Vector256.ConvertToSingle(c0 + bias0) * scale0, lo, hi)) + Vector256.Create(OutputZeroPoint);
                    Vector128<short> words0 = Sse2.PackSignedSaturate(q0_0.GetLower(), q0_0.GetUpper());
                    Vector128<byte> y0 = Sse2.PackSignedSaturate(words0, words0).AsByte();
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref output, p * OutC + o), y0.AsUInt64().ToScalar());
                    Vector256<int> q1_0 = Avx.ConvertToVector256Int32(Vector256.Clamp(Vector256.ConvertToSingle(c1 + bias0) * scale0, lo, hi)) + Vector256.Create(OutputZeroPoint);
                    Vector128<short> words1 = Sse2.PackSignedSaturate(q1_0.GetLower(), q1_0.GetUpper());
                    Vector128<byte> y1 = Sse2.PackSignedSaturate(words1, words1).AsByte();
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref output, (p + 1) * OutC + o), y1.AsUInt64().ToScalar());
                    Vector256<int> q2_0 = Avx.ConvertToVector256Int32(Vector256.Clamp(Vector256.ConvertToSingle(c2 + bias0) * scale0, lo, hi)) + Vector256.Create(OutputZeroPoint);
                    Vector128<short> words2 = Sse2.PackSignedSaturate(q2_0.GetLower(), q2_0.GetUpper());
                    Vector128<byte> y2 = Sse2.PackSignedSaturate(words2, words2).AsByte();
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref output, (p + 2) * OutC + o), y2.AsUInt64().ToScalar());
                    Vector256<int> q3_0 = Avx.ConvertToVector256Int32(Vector256.Clamp(Vector256.ConvertToSingle(c3 + bias0) * scale0, lo, hi)) + Vector256.Create(OutputZeroPoint);
                    Vector128<short> words3 = Sse2.PackSignedSaturate(q3_0.GetLower(), q3_0.GetUpper());
                    Vector128<byte> y3 = Sse2.PackSignedSaturate(words3, words3).AsByte();
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref output, (p + 3) * OutC + o), y3.AsUInt64().ToScalar());
                }
            }
            return;
        }
        ref sbyte xs = ref Unsafe.As<byte, sbyte>(ref input);
        ref sbyte ws = ref Unsafe.As<byte, sbyte>(ref weights);
        for (int p = 0; p < Pixels; p++)
        {
            ref sbyte a = ref Unsafe.Add(ref xs, p * K);
            for (int o = 0; o < OutC; o++)
            {
                int acc = Unsafe.Add(ref bias, o);
                ref sbyte wo = ref Unsafe.Add(ref ws, o / 16 * 128 + o % 16 * 4);
                for (int k = 0; k < K; k++)
                    acc += Unsafe.Add(ref a, k) * Unsafe.Add(ref wo, k / 4 * 64 + k % 4);
                Unsafe.Add(ref Unsafe.As<byte, sbyte>(ref output), p * OutC + o) = (sbyte)global::MobileNet.IntegerMath.Requantize(acc, Unsafe.Add(ref scales, o), OutputZeroPoint, OutputMin, OutputMax);
            }
        }
    }
    /// <summary>Layer 27: average pool, 3×3×256 → 1×1×256, int8 (scale 0.01860933, zero point -128) → int8 (scale 0.01860933, zero point -128).</summary>
    private static void Layer27_GlobalAveragePool(ref byte input, ref byte output)
    {
        const int Pixels = 9, C = 256, OutputMin = -128, OutputMax = 127;
        ref sbyte x = ref Unsafe.As<byte, sbyte>(ref input);
        ref sbyte y = ref Unsafe.As<byte, sbyte>(ref output);
        for (int c = 0; c < C; c++)
        {
            int sum = 0;
            for (int p = 0; p < Pixels; p++)
                sum += Unsafe.Add(ref x, p * C + c);
            int mean = (sum > 0 ? sum + Pixels / 2 : sum - Pixels / 2) / Pixels;
            Unsafe.Add(ref y, c) = (sbyte)Math.Clamp(mean, OutputMin, OutputMax);
        }
    }
    /// <summary>Layer 29: softmax, 1×1×2 → 1×1×2, int8 (scale 0.012518751, zero point -1) → int8 (scale 0.00390625, zero point -128).</summary>
    private static void Layer29_Softmax(ref byte input, ref byte output)
    {
        const int Classes = 2;
        const float OutputScale = 0.00390625f;
        ref sbyte x = ref Unsafe.As<byte, sbyte>(ref input);
        ref sbyte y = ref Unsafe.As<byte, sbyte>(ref output);
        ref float table = ref Unsafe.As<byte, float>(ref MobileNetWeights.Layer29.Bytes);
        int max = -128;
        for (int i = 0; i < Classes; i++)
            max = Math.Max(max, Unsafe.Add(ref x, i));
        // table[255 − d] = exp(−scale × d): the entry of x is at 255 − (max − x).
        ref float e = ref Unsafe.Add(ref table, 255 - max);
        float sum = 0;
        for (int i = 0; i < Classes; i++)
            sum += Unsafe.Add(ref e, Unsafe.Add(ref x, i));
        float inverse = 1 / (sum * OutputScale);
        for (int i = 0; i < Classes; i++)
            Unsafe.Add(ref y, i) = (sbyte)Math.Clamp((int)MathF.Round(Unsafe.Add(ref e, Unsafe.Add(ref x, i)) * inverse, MidpointRounding.AwayFromZero) + -128, -128, 127);
    }
