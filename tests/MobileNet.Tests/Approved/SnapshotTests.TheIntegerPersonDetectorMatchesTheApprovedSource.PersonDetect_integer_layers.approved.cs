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
        for (int oy = 0; oy < OutH; oy++)
        {
            // The window's rows and columns inside the input.
            int y0 = oy * Stride - PadTop, ky0 = Math.Max(0, -y0), ky1 = Math.Min(KernelH, InH - y0);
            for (int ox = 0; ox < OutW; ox++)
            {
                int x0 = ox * Stride - PadLeft, kx0 = Math.Max(0, -x0), kx1 = Math.Min(KernelW, InW - x0);
                int corner = y0 * InW + x0; // the window's top-left pixel, which may lie in the padding
                ref byte target = ref Unsafe.Add(ref output, (oy * OutW + ox) * C);
                // One channel at a time: fewer than a vector's 16.
                for (int c = 0; c < C; c++)
                {
                    int acc = Unsafe.Add(ref bias, c);
                    for (int ky = ky0; ky < ky1; ky++)
                        for (int kx = kx0; kx < kx1; kx++)
                            for (int i = 0; i < InC; i++)
                                acc += (Unsafe.Add(ref xs, (corner + ky * InW + kx) * InC + i) - InputZeroPoint) * Unsafe.Add(ref taps, ((ky * KernelW + kx) * InC + i) * 16 + c);
                    Unsafe.Add(ref target, c) = (byte)(sbyte)global::MobileNet.IntegerMath.Requantize(acc, Unsafe.Add(ref scales, c), OutputZeroPoint, OutputMin, OutputMax);
                }
            }
        }
    }
    /// <summary>Layer 1: depthwise 3×3, 48×48×8 → 48×48×8, int8 (scale 0.023529412, zero point -128) → int8 (scale 0.023529412, zero point -128).</summary>
    /// <remarks>Makes output rows [<paramref name="from"/>, <paramref name="to"/>) of its 48: a part's share when the layer is split between threads.</remarks>
    private static void Layer01_Depthwise3x3S1(ref byte input, ref byte output, ref byte scratch, int from, int to)
    {
        const int InH = 48, InW = 48, C = 8, OutW = 48, KernelW = 3, Stride = 1, PadTop = 1, PadLeft = 1;
        const int InputZeroPoint = -128, OutputZeroPoint = -128, OutputMin = -128, OutputMax = 127;
        ref byte data = ref MobileNetWeights.Layer01.Bytes;
        ref int bias = ref Unsafe.As<byte, int>(ref data);
        ref float scales = ref Unsafe.As<byte, float>(ref Unsafe.Add(ref data, 64));
        ref short taps = ref Unsafe.As<byte, short>(ref Unsafe.Add(ref data, 128));
        ref int interior = ref Unsafe.As<byte, int>(ref Unsafe.Add(ref data, 416));
        ref short pairs = ref Unsafe.As<byte, short>(ref Unsafe.Add(ref data, 480));
        // The window's rows in the padding read a row of the input's zero point.
        Unsafe.InitBlockUnaligned(ref scratch, unchecked((byte)InputZeroPoint), InW * C);
        for (int oy = from; oy < to; oy++)
        {
            int y0 = oy * Stride - PadTop;
            ref byte r0 = ref (uint)y0 < InH ? ref Unsafe.Add(ref input, y0 * InW * C) : ref scratch;
            ref byte r1 = ref Unsafe.Add(ref input, (y0 + 1) * InW * C);
            ref byte r2 = ref (uint)(y0 + 2) < InH ? ref Unsafe.Add(ref input, (y0 + 2) * InW * C) : ref scratch;
            ref byte o = ref Unsafe.Add(ref output, oy * OutW * C);
            if (AdvSimd.IsSupported)
            {
                Vector128<short> zx = Vector128.Create((short)InputZeroPoint);
                {
                    // Channels 0 … 7: one block, half of it stored.
                    // The block's taps and biases (loaded at each pixel) and scales.
                    ref short t = ref taps;
                    ref int b = ref interior;
                    Vector128<float> s0 = Vector128.LoadUnsafe(ref scales), s1 = Vector128.LoadUnsafe(ref scales, 4), s2 = Vector128.LoadUnsafe(ref scales, 8), s3 = Vector128.LoadUnsafe(ref scales, 12);
                    // Column 0 (on the border: window column 0 in the padding).
                    {
                        // The sums start from the interior biases, loaded here (two LDP) rather than held in registers and copied.
                        Vector128<int> a0 = Vector128.LoadUnsafe(ref b), a1 = Vector128.LoadUnsafe(ref b, 4), a2 = Vector128.LoadUnsafe(ref b, 8), a3 = Vector128.LoadUnsafe(ref b, 12);
                        { Vector128<short> l = zx, h = zx; Vector128<short> tl = Vector128.LoadUnsafe(ref t), th = Vector128.LoadUnsafe(ref t, 8); a1 = AdvSimd.MultiplyWideningUpperAndAdd(a1, l, tl); a0 = AdvSimd.MultiplyWideningLowerAndAdd(a0, l.GetLower(), tl.GetLower()); a3 = AdvSimd.MultiplyWideningUpperAndAdd(a3, h, th); a2 = AdvSimd.MultiplyWideningLowerAndAdd(a2, h.GetLower(), th.GetLower()); } // in the padding
                        { Vector128<sbyte> v = Vector128.LoadUnsafe(ref r0).AsSByte(); Vector128<short> h = Vector128.WidenUpper(v), l = Vector128.WidenLower(v); Vector128<short> tl = Vector128.LoadUnsafe(ref t, 16), th = Vector128.LoadUnsafe(ref t, 24); a1 = AdvSimd.MultiplyWideningUpperAndAdd(a1, l, tl); a0 = AdvSimd.MultiplyWideningLowerAndAdd(a0, l.GetLower(), tl.GetLower()); a3 = AdvSimd.MultiplyWideningUpperAndAdd(a3, h, th); a2 = AdvSimd.MultiplyWideningLowerAndAdd(a2, h.GetLower(), th.GetLower()); }
                        { Vector128<sbyte> v = Vector128.LoadUnsafe(ref r0, 8).AsSByte(); Vector128<short> h = Vector128.WidenUpper(v), l = Vector128.WidenLower(v); Vector128<short> tl = Vector128.LoadUnsafe(ref t, 32), th = Vector128.LoadUnsafe(ref t, 40); a1 = AdvSimd.MultiplyWideningUpperAndAdd(a1, l, tl); a0 = AdvSimd.MultiplyWideningLowerAndAdd(a0, l.GetLower(), tl.GetLower()); a3 = AdvSimd.MultiplyWideningUpperAndAdd(a3, h, th); a2 = AdvSimd.MultiplyWideningLowerAndAdd(a2, h.GetLower(), th.GetLower()); }
                        { Vector128<short> l = zx, h = zx; Vector128<short> tl = Vector128.LoadUnsafe(ref t, 48), th = Vector128.LoadUnsafe(ref t, 56); a1 = AdvSimd.MultiplyWideningUpperAndAdd(a1, l, tl); a0 = AdvSimd.MultiplyWideningLowerAndAdd(a0, l.GetLower(), tl.GetLower()); a3 = AdvSimd.MultiplyWideningUpperAndAdd(a3, h, th); a2 = AdvSimd.MultiplyWideningLowerAndAdd(a2, h.GetLower(), th.GetLower()); } // in the padding
                        { Vector128<sbyte> v = Vector128.LoadUnsafe(ref r1).AsSByte(); Vector128<short> h = Vector128.WidenUpper(v), l = Vector128.WidenLower(v); Vector128<short> tl = Vector128.LoadUnsafe(ref t, 64), th = Vector128.LoadUnsafe(ref t, 72); a1 = AdvSimd.MultiplyWideningUpperAndAdd(a1, l, tl); a0 = AdvSimd.MultiplyWideningLowerAndAdd(a0, l.GetLower(), tl.GetLower()); a3 = AdvSimd.MultiplyWideningUpperAndAdd(a3, h, th); a2 = AdvSimd.MultiplyWideningLowerAndAdd(a2, h.GetLower(), th.GetLower()); }
                        { Vector128<sbyte> v = Vector128.LoadUnsafe(ref r1, 8).AsSByte(); Vector128<short> h = Vector128.WidenUpper(v), l = Vector128.WidenLower(v); Vector128<short> tl = Vector128.LoadUnsafe(ref t, 80), th = Vector128.LoadUnsafe(ref t, 88); a1 = AdvSimd.MultiplyWideningUpperAndAdd(a1, l, tl); a0 = AdvSimd.MultiplyWideningLowerAndAdd(a0, l.GetLower(), tl.GetLower()); a3 = AdvSimd.MultiplyWideningUpperAndAdd(a3, h, th); a2 = AdvSimd.MultiplyWideningLowerAndAdd(a2, h.GetLower(), th.GetLower()); }
                        { Vector128<short> l = zx, h = zx; Vector128<short> tl = Vector128.LoadUnsafe(ref t, 96), th = Vector128.LoadUnsafe(ref t, 104); a1 = AdvSimd.MultiplyWideningUpperAndAdd(a1, l, tl); a0 = AdvSimd.MultiplyWideningLowerAndAdd(a0, l.GetLower(), tl.GetLower()); a3 = AdvSimd.MultiplyWideningUpperAndAdd(a3, h, th); a2 = AdvSimd.MultiplyWideningLowerAndAdd(a2, h.GetLower(), th.GetLower()); } // in the padding
                        { Vector128<sbyte> v = Vector128.LoadUnsafe(ref r2).AsSByte(); Vector128<short> h = Vector128.WidenUpper(v), l = Vector128.WidenLower(v); Vector128<short> tl = Vector128.LoadUnsafe(ref t, 112), th = Vector128.LoadUnsafe(ref t, 120); a1 = AdvSimd.MultiplyWideningUpperAndAdd(a1, l, tl); a0 = AdvSimd.MultiplyWideningLowerAndAdd(a0, l.GetLower(), tl.GetLower()); a3 = AdvSimd.MultiplyWideningUpperAndAdd(a3, h, th); a2 = AdvSimd.MultiplyWideningLowerAndAdd(a2, h.GetLower(), th.GetLower()); }
                        { Vector128<sbyte> v = Vector128.LoadUnsafe(ref r2, 8).AsSByte(); Vector128<short> h = Vector128.WidenUpper(v), l = Vector128.WidenLower(v); Vector128<short> tl = Vector128.LoadUnsafe(ref t, 128), th = Vector128.LoadUnsafe(ref t, 136); a1 = AdvSimd.MultiplyWideningUpperAndAdd(a1, l, tl); a0 = AdvSimd.MultiplyWideningLowerAndAdd(a0, l.GetLower(), tl.GetLower()); a3 = AdvSimd.MultiplyWideningUpperAndAdd(a3, h, th); a2 = AdvSimd.MultiplyWideningLowerAndAdd(a2, h.GetLower(), th.GetLower()); }
                        Unsafe.WriteUnaligned(ref o, global::MobileNet.IntegerMath.Requantize16Signed(a0, a1, a2, a3, s0, s1, s2, s3, OutputZeroPoint, OutputMin, OutputMax).AsByte().AsUInt64().ToScalar()); // channels 0 … 7
                    }
                    // Columns 1 … 46: windows at a stride of 8 bytes.
                    ref byte w0 = ref r0;
                    ref byte w1 = ref r1;
                    ref byte w2 = ref r2;
                    ref byte p = ref Unsafe.Add(ref o, 8);
                    for (int ox = 1; ox < 47; ox++)
                    {
                        // The sums start from the interior biases, loaded here (two LDP) rather than held in registers and copied.
                        Vector128<int> a0 = Vector128.LoadUnsafe(ref b), a1 = Vector128.LoadUnsafe(ref b, 4), a2 = Vector128.LoadUnsafe(ref b, 8), a3 = Vector128.LoadUnsafe(ref b, 12);
                        { Vector128<sbyte> v = Vector128.LoadUnsafe(ref w0).AsSByte(); Vector128<short> h = Vector128.WidenUpper(v), l = Vector128.WidenLower(v); Vector128<short> tl = Vector128.LoadUnsafe(ref t), th = Vector128.LoadUnsafe(ref t, 8); a1 = AdvSimd.MultiplyWideningUpperAndAdd(a1, l, tl); a0 = AdvSimd.MultiplyWideningLowerAndAdd(a0, l.GetLower(), tl.GetLower()); a3 = AdvSimd.MultiplyWideningUpperAndAdd(a3, h, th); a2 = AdvSimd.MultiplyWideningLowerAndAdd(a2, h.GetLower(), th.GetLower()); }
                        { Vector128<sbyte> v = Vector128.LoadUnsafe(ref w0, 8).AsSByte(); Vector128<short> h = Vector128.WidenUpper(v), l = Vector128.WidenLower(v); Vector128<short> tl = Vector128.LoadUnsafe(ref t, 16), th = Vector128.LoadUnsafe(ref t, 24); a1 = AdvSimd.MultiplyWideningUpperAndAdd(a1, l, tl); a0 = AdvSimd.MultiplyWideningLowerAndAdd(a0, l.GetLower(), tl.GetLower()); a3 = AdvSimd.MultiplyWideningUpperAndAdd(a3, h, th); a2 = AdvSimd.MultiplyWideningLowerAndAdd(a2, h.GetLower(), th.GetLower()); }
                        { Vector128<sbyte> v = Vector128.LoadUnsafe(ref w0, 16).AsSByte(); Vector128<short> h = Vector128.WidenUpper(v), l = Vector128.WidenLower(v); Vector128<short> tl = Vector128.LoadUnsafe(ref t, 32), th = Vector128.LoadUnsafe(ref t, 40); a1 = AdvSimd.MultiplyWideningUpperAndAdd(a1, l, tl); a0 = AdvSimd.MultiplyWideningLowerAndAdd(a0, l.GetLower(), tl.GetLower()); a3 = AdvSimd.MultiplyWideningUpperAndAdd(a3, h, th); a2 = AdvSimd.MultiplyWideningLowerAndAdd(a2, h.GetLower(), th.GetLower()); }
                        { Vector128<sbyte> v = Vector128.LoadUnsafe(ref w1).AsSByte(); Vector128<short> h = Vector128.WidenUpper(v), l = Vector128.WidenLower(v); Vector128<short> tl = Vector128.LoadUnsafe(ref t, 48), th = Vector128.LoadUnsafe(ref t, 56); a1 = AdvSimd.MultiplyWideningUpperAndAdd(a1, l, tl); a0 = AdvSimd.MultiplyWideningLowerAndAdd(a0, l.GetLower(), tl.GetLower()); a3 = AdvSimd.MultiplyWideningUpperAndAdd(a3, h, th); a2 = AdvSimd.MultiplyWideningLowerAndAdd(a2, h.GetLower(), th.GetLower()); }
                        { Vector128<sbyte> v = Vector128.LoadUnsafe(ref w1, 8).AsSByte(); Vector128<short> h = Vector128.WidenUpper(v), l = Vector128.WidenLower(v); Vector128<short> tl = Vector128.LoadUnsafe(ref t, 64), th = Vector128.LoadUnsafe(ref t, 72); a1 = AdvSimd.MultiplyWideningUpperAndAdd(a1, l, tl); a0 = AdvSimd.MultiplyWideningLowerAndAdd(a0, l.GetLower(), tl.GetLower()); a3 = AdvSimd.MultiplyWideningUpperAndAdd(a3, h, th); a2 = AdvSimd.MultiplyWideningLowerAndAdd(a2, h.GetLower(), th.GetLower()); }
                        { Vector128<sbyte> v = Vector128.LoadUnsafe(ref w1, 16).AsSByte(); Vector128<short> h = Vector128.WidenUpper(v), l = Vector128.WidenLower(v); Vector128<short> tl = Vector128.LoadUnsafe(ref t, 80), th = Vector128.LoadUnsafe(ref t, 88); a1 = AdvSimd.MultiplyWideningUpperAndAdd(a1, l, tl); a0 = AdvSimd.MultiplyWideningLowerAndAdd(a0, l.GetLower(), tl.GetLower()); a3 = AdvSimd.MultiplyWideningUpperAndAdd(a3, h, th); a2 = AdvSimd.MultiplyWideningLowerAndAdd(a2, h.GetLower(), th.GetLower()); }
                        { Vector128<sbyte> v = Vector128.LoadUnsafe(ref w2).AsSByte(); Vector128<short> h = Vector128.WidenUpper(v), l = Vector128.WidenLower(v); Vector128<short> tl = Vector128.LoadUnsafe(ref t, 96), th = Vector128.LoadUnsafe(ref t, 104); a1 = AdvSimd.MultiplyWideningUpperAndAdd(a1, l, tl); a0 = AdvSimd.MultiplyWideningLowerAndAdd(a0, l.GetLower(), tl.GetLower()); a3 = AdvSimd.MultiplyWideningUpperAndAdd(a3, h, th); a2 = AdvSimd.MultiplyWideningLowerAndAdd(a2, h.GetLower(), th.GetLower()); }
                        { Vector128<sbyte> v = Vector128.LoadUnsafe(ref w2, 8).AsSByte(); Vector128<short> h = Vector128.WidenUpper(v), l = Vector128.WidenLower(v); Vector128<short> tl = Vector128.LoadUnsafe(ref t, 112), th = Vector128.LoadUnsafe(ref t, 120); a1 = AdvSimd.MultiplyWideningUpperAndAdd(a1, l, tl); a0 = AdvSimd.MultiplyWideningLowerAndAdd(a0, l.GetLower(), tl.GetLower()); a3 = AdvSimd.MultiplyWideningUpperAndAdd(a3, h, th); a2 = AdvSimd.MultiplyWideningLowerAndAdd(a2, h.GetLower(), th.GetLower()); }
                        { Vector128<sbyte> v = Vector128.LoadUnsafe(ref w2, 16).AsSByte(); Vector128<short> h = Vector128.WidenUpper(v), l = Vector128.WidenLower(v); Vector128<short> tl = Vector128.LoadUnsafe(ref t, 128), th = Vector128.LoadUnsafe(ref t, 136); a1 = AdvSimd.MultiplyWideningUpperAndAdd(a1, l, tl); a0 = AdvSimd.MultiplyWideningLowerAndAdd(a0, l.GetLower(), tl.GetLower()); a3 = AdvSimd.MultiplyWideningUpperAndAdd(a3, h, th); a2 = AdvSimd.MultiplyWideningLowerAndAdd(a2, h.GetLower(), th.GetLower()); }
                        Unsafe.WriteUnaligned(ref p, global::MobileNet.IntegerMath.Requantize16Signed(a0, a1, a2, a3, s0, s1, s2, s3, OutputZeroPoint, OutputMin, OutputMax).AsByte().AsUInt64().ToScalar()); // channels 0 … 7
                        w0 = ref Unsafe.Add(ref w0, Stride * C);
                        w1 = ref Unsafe.Add(ref w1, Stride * C);
                        w2 = ref Unsafe.Add(ref w2, Stride * C);
                        p = ref Unsafe.Add(ref p, C);
                    }
                    // Column 47 (on the border: window column 2 in the padding).
                    {
                        // The sums start from the interior biases, loaded here (two LDP) rather than held in registers and copied.
                        Vector128<int> a0 = Vector128.LoadUnsafe(ref b), a1 = Vector128.LoadUnsafe(ref b, 4), a2 = Vector128.LoadUnsafe(ref b, 8), a3 = Vector128.LoadUnsafe(ref b, 12);
                        { Vector128<sbyte> v = Vector128.LoadUnsafe(ref r0, 368).AsSByte(); Vector128<short> h = Vector128.WidenUpper(v), l = Vector128.WidenLower(v); Vector128<short> tl = Vector128.LoadUnsafe(ref t), th = Vector128.LoadUnsafe(ref t, 8); a1 = AdvSimd.MultiplyWideningUpperAndAdd(a1, l, tl); a0 = AdvSimd.MultiplyWideningLowerAndAdd(a0, l.GetLower(), tl.GetLower()); a3 = AdvSimd.MultiplyWideningUpperAndAdd(a3, h, th); a2 = AdvSimd.MultiplyWideningLowerAndAdd(a2, h.GetLower(), th.GetLower()); }
                        { Vector128<sbyte> v = Vector128.LoadUnsafe(ref r0, 376).AsSByte(); Vector128<short> h = Vector128.WidenUpper(v), l = Vector128.WidenLower(v); Vector128<short> tl = Vector128.LoadUnsafe(ref t, 16), th = Vector128.LoadUnsafe(ref t, 24); a1 = AdvSimd.MultiplyWideningUpperAndAdd(a1, l, tl); a0 = AdvSimd.MultiplyWideningLowerAndAdd(a0, l.GetLower(), tl.GetLower()); a3 = AdvSimd.MultiplyWideningUpperAndAdd(a3, h, th); a2 = AdvSimd.MultiplyWideningLowerAndAdd(a2, h.GetLower(), th.GetLower()); }
                        { Vector128<short> l = zx, h = zx; Vector128<short> tl = Vector128.LoadUnsafe(ref t, 32), th = Vector128.LoadUnsafe(ref t, 40); a1 = AdvSimd.MultiplyWideningUpperAndAdd(a1, l, tl); a0 = AdvSimd.MultiplyWideningLowerAndAdd(a0, l.GetLower(), tl.GetLower()); a3 = AdvSimd.MultiplyWideningUpperAndAdd(a3, h, th); a2 = AdvSimd.MultiplyWideningLowerAndAdd(a2, h.GetLower(), th.GetLower()); } // in the padding
                        { Vector128<sbyte> v = Vector128.LoadUnsafe(ref r1, 368).AsSByte(); Vector128<short> h = Vector128.WidenUpper(v), l = Vector128.WidenLower(v); Vector128<short> tl = Vector128.LoadUnsafe(ref t, 48), th = Vector128.LoadUnsafe(ref t, 56); a1 = AdvSimd.MultiplyWideningUpperAndAdd(a1, l, tl); a0 = AdvSimd.MultiplyWideningLowerAndAdd(a0, l.GetLower(), tl.GetLower()); a3 = AdvSimd.MultiplyWideningUpperAndAdd(a3, h, th); a2 = AdvSimd.MultiplyWideningLowerAndAdd(a2, h.GetLower(), th.GetLower()); }
                        { Vector128<sbyte> v = Vector128.LoadUnsafe(ref r1, 376).AsSByte(); Vector128<short> h = Vector128.WidenUpper(v), l = Vector128.WidenLower(v); Vector128<short> tl = Vector128.LoadUnsafe(ref t, 64), th = Vector128.LoadUnsafe(ref t, 72); a1 = AdvSimd.MultiplyWideningUpperAndAdd(a1, l, tl); a0 = AdvSimd.MultiplyWideningLowerAndAdd(a0, l.GetLower(), tl.GetLower()); a3 = AdvSimd.MultiplyWideningUpperAndAdd(a3, h, th); a2 = AdvSimd.MultiplyWideningLowerAndAdd(a2, h.GetLower(), th.GetLower()); }
                        { Vector128<short> l = zx, h = zx; Vector128<short> tl = Vector128.LoadUnsafe(ref t, 80), th = Vector128.LoadUnsafe(ref t, 88); a1 = AdvSimd.MultiplyWideningUpperAndAdd(a1, l, tl); a0 = AdvSimd.MultiplyWideningLowerAndAdd(a0, l.GetLower(), tl.GetLower()); a3 = AdvSimd.MultiplyWideningUpperAndAdd(a3, h, th); a2 = AdvSimd.MultiplyWideningLowerAndAdd(a2, h.GetLower(), th.GetLower()); } // in the padding
                        { Vector128<sbyte> v = Vector128.LoadUnsafe(ref r2, 368).AsSByte(); Vector128<short> h = Vector128.WidenUpper(v), l = Vector128.WidenLower(v); Vector128<short> tl = Vector128.LoadUnsafe(ref t, 96), th = Vector128.LoadUnsafe(ref t, 104); a1 = AdvSimd.MultiplyWideningUpperAndAdd(a1, l, tl); a0 = AdvSimd.MultiplyWideningLowerAndAdd(a0, l.GetLower(), tl.GetLower()); a3 = AdvSimd.MultiplyWideningUpperAndAdd(a3, h, th); a2 = AdvSimd.MultiplyWideningLowerAndAdd(a2, h.GetLower(), th.GetLower()); }
                        { Vector128<sbyte> v = Vector128.LoadUnsafe(ref r2, 376).AsSByte(); Vector128<short> h = Vector128.WidenUpper(v), l = Vector128.WidenLower(v); Vector128<short> tl = Vector128.LoadUnsafe(ref t, 112), th = Vector128.LoadUnsafe(ref t, 120); a1 = AdvSimd.MultiplyWideningUpperAndAdd(a1, l, tl); a0 = AdvSimd.MultiplyWideningLowerAndAdd(a0, l.GetLower(), tl.GetLower()); a3 = AdvSimd.MultiplyWideningUpperAndAdd(a3, h, th); a2 = AdvSimd.MultiplyWideningLowerAndAdd(a2, h.GetLower(), th.GetLower()); }
                        { Vector128<short> l = zx, h = zx; Vector128<short> tl = Vector128.LoadUnsafe(ref t, 128), th = Vector128.LoadUnsafe(ref t, 136); a1 = AdvSimd.MultiplyWideningUpperAndAdd(a1, l, tl); a0 = AdvSimd.MultiplyWideningLowerAndAdd(a0, l.GetLower(), tl.GetLower()); a3 = AdvSimd.MultiplyWideningUpperAndAdd(a3, h, th); a2 = AdvSimd.MultiplyWideningLowerAndAdd(a2, h.GetLower(), th.GetLower()); } // in the padding
                        Unsafe.WriteUnaligned(ref Unsafe.Add(ref o, 376), global::MobileNet.IntegerMath.Requantize16Signed(a0, a1, a2, a3, s0, s1, s2, s3, OutputZeroPoint, OutputMin, OutputMax).AsByte().AsUInt64().ToScalar()); // channels 0 … 7
                    }
                }
            }
            else if (Avx2.IsSupported)
            {
                Vector256<short> zx = Vector256.Create((short)InputZeroPoint);
                Vector256<int> zeroPoint = Vector256.Create(OutputZeroPoint);
                Vector256<float> min = Vector256.Create((float)(OutputMin - OutputZeroPoint)), max = Vector256.Create((float)(OutputMax - OutputZeroPoint));
                {
                    // Channels 0 … 7: one block, half of it stored.
                    // The block's biases and scales, in the order PMADDWD's unpacked inputs leave the sums: channels 0–3 and 8–11, then 4–7 and 12–15.
                    Vector256<int> b0 = Vector256.Create(Vector128.LoadUnsafe(ref interior), Vector128.LoadUnsafe(ref interior, 8)), b1 = Vector256.Create(Vector128.LoadUnsafe(ref interior, 4), Vector128.LoadUnsafe(ref interior, 12));
                    Vector256<float> s0 = Vector256.Create(Vector128.LoadUnsafe(ref scales), Vector128.LoadUnsafe(ref scales, 8)), s1 = Vector256.Create(Vector128.LoadUnsafe(ref scales, 4), Vector128.LoadUnsafe(ref scales, 12));
                    // Column 0 (on the border: window column 0 in the padding).
                    {
                        Vector256<int> e0 = b0, e1 = b1;
                        { Vector256<short> u = zx, v = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref r0).AsSByte()); e0 += Avx2.MultiplyAddAdjacent(Avx2.UnpackLow(u, v), Vector256.LoadUnsafe(ref pairs)); e1 += Avx2.MultiplyAddAdjacent(Avx2.UnpackHigh(u, v), Vector256.LoadUnsafe(ref pairs, 16)); }
                        { Vector256<short> u = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref r0, 8).AsSByte()), v = zx; e0 += Avx2.MultiplyAddAdjacent(Avx2.UnpackLow(u, v), Vector256.LoadUnsafe(ref pairs, 32)); e1 += Avx2.MultiplyAddAdjacent(Avx2.UnpackHigh(u, v), Vector256.LoadUnsafe(ref pairs, 48)); }
                        { Vector256<short> u = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref r1).AsSByte()), v = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref r1, 8).AsSByte()); e0 += Avx2.MultiplyAddAdjacent(Avx2.UnpackLow(u, v), Vector256.LoadUnsafe(ref pairs, 64)); e1 += Avx2.MultiplyAddAdjacent(Avx2.UnpackHigh(u, v), Vector256.LoadUnsafe(ref pairs, 80)); }
                        { Vector256<short> u = zx, v = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref r2).AsSByte()); e0 += Avx2.MultiplyAddAdjacent(Avx2.UnpackLow(u, v), Vector256.LoadUnsafe(ref pairs, 96)); e1 += Avx2.MultiplyAddAdjacent(Avx2.UnpackHigh(u, v), Vector256.LoadUnsafe(ref pairs, 112)); }
                        { Vector256<short> u = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref r2, 8).AsSByte()), v = Vector256<short>.Zero; e0 += Avx2.MultiplyAddAdjacent(Avx2.UnpackLow(u, v), Vector256.LoadUnsafe(ref pairs, 128)); e1 += Avx2.MultiplyAddAdjacent(Avx2.UnpackHigh(u, v), Vector256.LoadUnsafe(ref pairs, 144)); }
                        Unsafe.WriteUnaligned(ref o, global::MobileNet.IntegerMath.Requantize16Signed(e0, e1, s0, s1, min, max, zeroPoint).AsByte().AsUInt64().ToScalar()); // channels 0 … 7
                    }
                    // Columns 1 … 46: windows at a stride of 8 bytes.
                    ref byte w0 = ref r0;
                    ref byte w1 = ref r1;
                    ref byte w2 = ref r2;
                    ref byte p = ref Unsafe.Add(ref o, 8);
                    for (int ox = 1; ox < 47; ox++)
                    {
                        Vector256<int> e0 = b0, e1 = b1;
                        { Vector256<short> u = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref w0).AsSByte()), v = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref w0, 8).AsSByte()); e0 += Avx2.MultiplyAddAdjacent(Avx2.UnpackLow(u, v), Vector256.LoadUnsafe(ref pairs)); e1 += Avx2.MultiplyAddAdjacent(Avx2.UnpackHigh(u, v), Vector256.LoadUnsafe(ref pairs, 16)); }
                        { Vector256<short> u = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref w0, 16).AsSByte()), v = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref w1).AsSByte()); e0 += Avx2.MultiplyAddAdjacent(Avx2.UnpackLow(u, v), Vector256.LoadUnsafe(ref pairs, 32)); e1 += Avx2.MultiplyAddAdjacent(Avx2.UnpackHigh(u, v), Vector256.LoadUnsafe(ref pairs, 48)); }
                        { Vector256<short> u = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref w1, 8).AsSByte()), v = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref w1, 16).AsSByte()); e0 += Avx2.MultiplyAddAdjacent(Avx2.UnpackLow(u, v), Vector256.LoadUnsafe(ref pairs, 64)); e1 += Avx2.MultiplyAddAdjacent(Avx2.UnpackHigh(u, v), Vector256.LoadUnsafe(ref pairs, 80)); }
                        { Vector256<short> u = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref w2).AsSByte()), v = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref w2, 8).AsSByte()); e0 += Avx2.MultiplyAddAdjacent(Avx2.UnpackLow(u, v), Vector256.LoadUnsafe(ref pairs, 96)); e1 += Avx2.MultiplyAddAdjacent(Avx2.UnpackHigh(u, v), Vector256.LoadUnsafe(ref pairs, 112)); }
                        { Vector256<short> u = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref w2, 16).AsSByte()), v = Vector256<short>.Zero; e0 += Avx2.MultiplyAddAdjacent(Avx2.UnpackLow(u, v), Vector256.LoadUnsafe(ref pairs, 128)); e1 += Avx2.MultiplyAddAdjacent(Avx2.UnpackHigh(u, v), Vector256.LoadUnsafe(ref pairs, 144)); }
                        Unsafe.WriteUnaligned(ref p, global::MobileNet.IntegerMath.Requantize16Signed(e0, e1, s0, s1, min, max, zeroPoint).AsByte().AsUInt64().ToScalar()); // channels 0 … 7
                        w0 = ref Unsafe.Add(ref w0, Stride * C);
                        w1 = ref Unsafe.Add(ref w1, Stride * C);
                        w2 = ref Unsafe.Add(ref w2, Stride * C);
                        p = ref Unsafe.Add(ref p, C);
                    }
                    // Column 47 (on the border: window column 2 in the padding).
                    {
                        Vector256<int> e0 = b0, e1 = b1;
                        { Vector256<short> u = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref r0, 368).AsSByte()), v = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref r0, 376).AsSByte()); e0 += Avx2.MultiplyAddAdjacent(Avx2.UnpackLow(u, v), Vector256.LoadUnsafe(ref pairs)); e1 += Avx2.MultiplyAddAdjacent(Avx2.UnpackHigh(u, v), Vector256.LoadUnsafe(ref pairs, 16)); }
                        { Vector256<short> u = zx, v = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref r1, 368).AsSByte()); e0 += Avx2.MultiplyAddAdjacent(Avx2.UnpackLow(u, v), Vector256.LoadUnsafe(ref pairs, 32)); e1 += Avx2.MultiplyAddAdjacent(Avx2.UnpackHigh(u, v), Vector256.LoadUnsafe(ref pairs, 48)); }
                        { Vector256<short> u = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref r1, 376).AsSByte()), v = zx; e0 += Avx2.MultiplyAddAdjacent(Avx2.UnpackLow(u, v), Vector256.LoadUnsafe(ref pairs, 64)); e1 += Avx2.MultiplyAddAdjacent(Avx2.UnpackHigh(u, v), Vector256.LoadUnsafe(ref pairs, 80)); }
                        { Vector256<short> u = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref r2, 368).AsSByte()), v = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref r2, 376).AsSByte()); e0 += Avx2.MultiplyAddAdjacent(Avx2.UnpackLow(u, v), Vector256.LoadUnsafe(ref pairs, 96)); e1 += Avx2.MultiplyAddAdjacent(Avx2.UnpackHigh(u, v), Vector256.LoadUnsafe(ref pairs, 112)); }
                        { Vector256<short> u = zx, v = Vector256<short>.Zero; e0 += Avx2.MultiplyAddAdjacent(Avx2.UnpackLow(u, v), Vector256.LoadUnsafe(ref pairs, 128)); e1 += Avx2.MultiplyAddAdjacent(Avx2.UnpackHigh(u, v), Vector256.LoadUnsafe(ref pairs, 144)); }
                        Unsafe.WriteUnaligned(ref Unsafe.Add(ref o, 376), global::MobileNet.IntegerMath.Requantize16Signed(e0, e1, s0, s1, min, max, zeroPoint).AsByte().AsUInt64().ToScalar()); // channels 0 … 7
                    }
                }
            }
            else
            {
                // Other CPUs: one channel at a time.
                for (int ox = 0; ox < OutW; ox++)
                {
                    int x0 = ox * Stride - PadLeft, kx0 = Math.Max(0, -x0), kx1 = Math.Min(KernelW, InW - x0);
                    for (int c = 0; c < C; c++)
                    {
                        int acc = Unsafe.Add(ref bias, c);
                        for (int kx = kx0; kx < kx1; kx++)
                        {
                            int at = (x0 + kx) * C + c;
                            acc += ((sbyte)Unsafe.Add(ref r0, at) - InputZeroPoint) * Unsafe.Add(ref taps, kx * 16 + c);
                            acc += ((sbyte)Unsafe.Add(ref r1, at) - InputZeroPoint) * Unsafe.Add(ref taps, (1 * KernelW + kx) * 16 + c);
                            acc += ((sbyte)Unsafe.Add(ref r2, at) - InputZeroPoint) * Unsafe.Add(ref taps, (2 * KernelW + kx) * 16 + c);
                        }
                        Unsafe.Add(ref o, ox * C + c) = (byte)(sbyte)global::MobileNet.IntegerMath.Requantize(acc, Unsafe.Add(ref scales, c), OutputZeroPoint, OutputMin, OutputMax);
                    }
                }
            }
        }
    }
    /// <summary>Layer 2: pointwise 1×1, 48×48×8 → 48×48×16, int8 (scale 0.023529412, zero point -128) → int8 (scale 0.023529412, zero point -128).</summary>
    /// <remarks>One output row a call, row <paramref name="y"/>, into slot y % 3 of the ring <paramref name="output"/>: layer 3 calls it as its windows reach the row.</remarks>
    private static void Layer02_Pointwise(ref byte input, ref byte output, ref byte scratch, int y)
    {
        const int Pixels = 48, K = 8, OutC = 16;
        const int OutputZeroPoint = -128, OutputMin = -128, OutputMax = 127;
        const int RingRows = 3, Slot = 768;
        // Input row y makes output row y, into its slot of the ring.
        input = ref Unsafe.Add(ref input, y * 384);
        output = ref Unsafe.Add(ref output, y % RingRows * Slot);
        ref byte data = ref MobileNetWeights.Layer02.Bytes;
        ref int bias = ref Unsafe.As<byte, int>(ref data);
        ref float scales = ref Unsafe.As<byte, float>(ref Unsafe.Add(ref data, 64));
        ref byte weights = ref Unsafe.Add(ref data, 128);
        if (Dp.IsSupported)
        {
            ref sbyte input8 = ref Unsafe.As<byte, sbyte>(ref input);
            for (int p = 0; p < 48; p += 4)
            {
                ref sbyte a = ref Unsafe.Add(ref input8, p * K);
                {
                    const int b = 0;
                    ref byte wb = ref Unsafe.Add(ref weights, b * 128);
                    // The sums start from the biases, so that the requantisation only scales them.
                    ref int blockBias = ref Unsafe.Add(ref bias, b * 16);
                    Vector128<int> bias0 = Vector128.LoadUnsafe(ref blockBias), bias1 = Vector128.LoadUnsafe(ref blockBias, 4), bias2 = Vector128.LoadUnsafe(ref blockBias, 8), bias3 = Vector128.LoadUnsafe(ref blockBias, 12);
                    Vector128<int> c0_0 = bias0, c0_1 = bias1, c0_2 = bias2, c0_3 = bias3, c1_0 = bias0, c1_1 = bias1, c1_2 = bias2, c1_3 = bias3, c2_0 = bias0, c2_1 = bias1, c2_2 = bias2, c2_3 = bias3, c3_0 = bias0, c3_1 = bias1, c3_2 = bias2, c3_3 = bias3;
                    ref byte wk = ref wb;
                    // The last 8 input channels: 2 lanes of a load that reads past them into lanes left unused.
                    {
                        Vector128<sbyte> x0 = Vector128.LoadUnsafe(ref a), x1 = Vector128.LoadUnsafe(ref a, (nuint)(K)), x2 = Vector128.LoadUnsafe(ref a, (nuint)(2 * K)), x3 = Vector128.LoadUnsafe(ref a, (nuint)(3 * K));
                        Vector128<sbyte> w0_0 = Vector128.LoadUnsafe(ref Unsafe.As<byte, sbyte>(ref wk)), w0_1 = Vector128.LoadUnsafe(ref Unsafe.As<byte, sbyte>(ref wk), 16), w0_2 = Vector128.LoadUnsafe(ref Unsafe.As<byte, sbyte>(ref wk), 32), w0_3 = Vector128.LoadUnsafe(ref Unsafe.As<byte, sbyte>(ref wk), 48);
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
                    // Requantisation: each sum times its scale, rounded to even, narrowed with saturation, shifted by the zero point and clamped.
                    int o = b * 16;
                    ref float blockScales = ref Unsafe.Add(ref scales, o); Vector128<float> scale0 = Vector128.LoadUnsafe(ref blockScales), scale1 = Vector128.LoadUnsafe(ref blockScales, 4), scale2 = Vector128.LoadUnsafe(ref blockScales, 8), scale3 = Vector128.LoadUnsafe(ref blockScales, 12);
                    ref byte target = ref Unsafe.Add(ref output, p * OutC + o);
                    Vector128<byte> y0 = global::MobileNet.IntegerMath.Requantize16Signed(c0_0, c0_1, c0_2, c0_3, scale0, scale1, scale2, scale3, OutputZeroPoint, OutputMin, OutputMax).AsByte();
                    y0.StoreUnsafe(ref target);
                    Vector128<byte> y1 = global::MobileNet.IntegerMath.Requantize16Signed(c1_0, c1_1, c1_2, c1_3, scale0, scale1, scale2, scale3, OutputZeroPoint, OutputMin, OutputMax).AsByte();
                    y1.StoreUnsafe(ref Unsafe.Add(ref target, OutC));
                    Vector128<byte> y2 = global::MobileNet.IntegerMath.Requantize16Signed(c2_0, c2_1, c2_2, c2_3, scale0, scale1, scale2, scale3, OutputZeroPoint, OutputMin, OutputMax).AsByte();
                    y2.StoreUnsafe(ref Unsafe.Add(ref target, 2 * OutC));
                    Vector128<byte> y3 = global::MobileNet.IntegerMath.Requantize16Signed(c3_0, c3_1, c3_2, c3_3, scale0, scale1, scale2, scale3, OutputZeroPoint, OutputMin, OutputMax).AsByte();
                    y3.StoreUnsafe(ref Unsafe.Add(ref target, 3 * OutC));
                }
            }
            return;
        }
        else if (AdvSimd.Arm64.IsSupported)
        {
            ref sbyte input8 = ref Unsafe.As<byte, sbyte>(ref input);
            for (int p = 0; p < 48; p += 4)
            {
                ref sbyte a = ref Unsafe.Add(ref input8, p * K);
                {
                    const int b = 0;
                    ref byte wb = ref Unsafe.Add(ref weights, b * 128);
                    // The sums start from the biases, so that the requantisation only scales them.
                    ref int blockBias = ref Unsafe.Add(ref bias, b * 16);
                    Vector128<int> bias0 = Vector128.LoadUnsafe(ref blockBias), bias1 = Vector128.LoadUnsafe(ref blockBias, 4), bias2 = Vector128.LoadUnsafe(ref blockBias, 8), bias3 = Vector128.LoadUnsafe(ref blockBias, 12);
                    Vector128<int> c0_0 = bias0, c0_1 = bias1, c0_2 = bias2, c0_3 = bias3, c1_0 = bias0, c1_1 = bias1, c1_2 = bias2, c1_3 = bias3, c2_0 = bias0, c2_1 = bias1, c2_2 = bias2, c2_3 = bias3, c3_0 = bias0, c3_1 = bias1, c3_2 = bias2, c3_3 = bias3;
                    ref byte wk = ref wb;
                    // Input channels 0 … 7 of each pixel in 16 bits, one to a lane.
                    {
                        Vector128<short> x0 = AdvSimd.SignExtendWideningLower(Vector64.LoadUnsafe(ref a)), x1 = AdvSimd.SignExtendWideningLower(Vector64.LoadUnsafe(ref a, (nuint)(K))), x2 = AdvSimd.SignExtendWideningLower(Vector64.LoadUnsafe(ref a, (nuint)(2 * K))), x3 = AdvSimd.SignExtendWideningLower(Vector64.LoadUnsafe(ref a, (nuint)(3 * K)));
                        // Channels 0 … 3, lanes 0 … 3: the step's weights as one vector of 16 outputs per channel, each widened to outputs 0 … 7 (lo) and 8 … 15 (hi).
                        {
                            Vector128<sbyte> w0 = Vector128.LoadUnsafe(ref Unsafe.As<byte, sbyte>(ref wk)), w1 = Vector128.LoadUnsafe(ref Unsafe.As<byte, sbyte>(ref wk), 16), w2 = Vector128.LoadUnsafe(ref Unsafe.As<byte, sbyte>(ref wk), 32), w3 = Vector128.LoadUnsafe(ref Unsafe.As<byte, sbyte>(ref wk), 48);
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
                    // Requantisation: each sum times its scale, rounded to even, narrowed with saturation, shifted by the zero point and clamped.
                    int o = b * 16;
                    ref float blockScales = ref Unsafe.Add(ref scales, o); Vector128<float> scale0 = Vector128.LoadUnsafe(ref blockScales), scale1 = Vector128.LoadUnsafe(ref blockScales, 4), scale2 = Vector128.LoadUnsafe(ref blockScales, 8), scale3 = Vector128.LoadUnsafe(ref blockScales, 12);
                    ref byte target = ref Unsafe.Add(ref output, p * OutC + o);
                    Vector128<byte> y0 = global::MobileNet.IntegerMath.Requantize16Signed(c0_0, c0_1, c0_2, c0_3, scale0, scale1, scale2, scale3, OutputZeroPoint, OutputMin, OutputMax).AsByte();
                    y0.StoreUnsafe(ref target);
                    Vector128<byte> y1 = global::MobileNet.IntegerMath.Requantize16Signed(c1_0, c1_1, c1_2, c1_3, scale0, scale1, scale2, scale3, OutputZeroPoint, OutputMin, OutputMax).AsByte();
                    y1.StoreUnsafe(ref Unsafe.Add(ref target, OutC));
                    Vector128<byte> y2 = global::MobileNet.IntegerMath.Requantize16Signed(c2_0, c2_1, c2_2, c2_3, scale0, scale1, scale2, scale3, OutputZeroPoint, OutputMin, OutputMax).AsByte();
                    y2.StoreUnsafe(ref Unsafe.Add(ref target, 2 * OutC));
                    Vector128<byte> y3 = global::MobileNet.IntegerMath.Requantize16Signed(c3_0, c3_1, c3_2, c3_3, scale0, scale1, scale2, scale3, OutputZeroPoint, OutputMin, OutputMax).AsByte();
                    y3.StoreUnsafe(ref Unsafe.Add(ref target, 3 * OutC));
                }
            }
            return;
        }
        else if (Avx2.IsSupported)
        {
            ref sbyte input8 = ref Unsafe.As<byte, sbyte>(ref input);
            ref short wide = ref Unsafe.As<byte, short>(ref scratch);
            for (int p = 0; p < 48; p += 4)
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
                    ref sbyte wk = ref Unsafe.As<byte, sbyte>(ref wb);
                    // Input channels 0 … 3: 4 of each pixel, broadcast, against 8 outputs × 4 channels.
                    {
                        Vector256<short> w0 = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref wk)), w1 = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref wk, 16));
                        Vector256<short> x0 = Vector256.Create(Unsafe.As<short, long>(ref wide)).AsInt16(); c0_0 = Avx2.Add(c0_0, Avx2.MultiplyAddAdjacent(w0, x0)); c0_1 = Avx2.Add(c0_1, Avx2.MultiplyAddAdjacent(w1, x0));
                        Vector256<short> x1 = Vector256.Create(Unsafe.As<short, long>(ref Unsafe.Add(ref wide, 8))).AsInt16(); c1_0 = Avx2.Add(c1_0, Avx2.MultiplyAddAdjacent(w0, x1)); c1_1 = Avx2.Add(c1_1, Avx2.MultiplyAddAdjacent(w1, x1));
                        Vector256<short> x2 = Vector256.Create(Unsafe.As<short, long>(ref Unsafe.Add(ref wide, 16))).AsInt16(); c2_0 = Avx2.Add(c2_0, Avx2.MultiplyAddAdjacent(w0, x2)); c2_1 = Avx2.Add(c2_1, Avx2.MultiplyAddAdjacent(w1, x2));
                        Vector256<short> x3 = Vector256.Create(Unsafe.As<short, long>(ref Unsafe.Add(ref wide, 24))).AsInt16(); c3_0 = Avx2.Add(c3_0, Avx2.MultiplyAddAdjacent(w0, x3)); c3_1 = Avx2.Add(c3_1, Avx2.MultiplyAddAdjacent(w1, x3));
                    }
                    // Input channels 4 … 7: 4 of each pixel, broadcast, against 8 outputs × 4 channels.
                    {
                        Vector256<short> w0 = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref wk, 64)), w1 = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref wk, 80));
                        Vector256<short> x0 = Vector256.Create(Unsafe.As<short, long>(ref Unsafe.Add(ref wide, 4))).AsInt16(); c0_0 = Avx2.Add(c0_0, Avx2.MultiplyAddAdjacent(w0, x0)); c0_1 = Avx2.Add(c0_1, Avx2.MultiplyAddAdjacent(w1, x0));
                        Vector256<short> x1 = Vector256.Create(Unsafe.As<short, long>(ref Unsafe.Add(ref wide, 12))).AsInt16(); c1_0 = Avx2.Add(c1_0, Avx2.MultiplyAddAdjacent(w0, x1)); c1_1 = Avx2.Add(c1_1, Avx2.MultiplyAddAdjacent(w1, x1));
                        Vector256<short> x2 = Vector256.Create(Unsafe.As<short, long>(ref Unsafe.Add(ref wide, 20))).AsInt16(); c2_0 = Avx2.Add(c2_0, Avx2.MultiplyAddAdjacent(w0, x2)); c2_1 = Avx2.Add(c2_1, Avx2.MultiplyAddAdjacent(w1, x2));
                        Vector256<short> x3 = Vector256.Create(Unsafe.As<short, long>(ref Unsafe.Add(ref wide, 28))).AsInt16(); c3_0 = Avx2.Add(c3_0, Avx2.MultiplyAddAdjacent(w0, x3)); c3_1 = Avx2.Add(c3_1, Avx2.MultiplyAddAdjacent(w1, x3));
                    }
                    // Lanes 2i and 2i + 1 hold output i's halves: add them, and put the outputs back in order.
                    Vector256<int> c0 = Avx2.Permute4x64(Avx2.HorizontalAdd(c0_0, c0_1).AsInt64(), 0b11_01_10_00).AsInt32();
                    Vector256<int> c1 = Avx2.Permute4x64(Avx2.HorizontalAdd(c1_0, c1_1).AsInt64(), 0b11_01_10_00).AsInt32();
                    Vector256<int> c2 = Avx2.Permute4x64(Avx2.HorizontalAdd(c2_0, c2_1).AsInt64(), 0b11_01_10_00).AsInt32();
                    Vector256<int> c3 = Avx2.Permute4x64(Avx2.HorizontalAdd(c3_0, c3_1).AsInt64(), 0b11_01_10_00).AsInt32();
                    // Requantisation: the sum times the scale, rounded to even, shifted by the zero point; the saturating packs clamp it to the type.
                    int o = b * 8;
                    Vector256<int> bias0 = Vector256.LoadUnsafe(ref bias, (nuint)o);
                    Vector256<float> scale0 = Vector256.LoadUnsafe(ref scales, (nuint)o);
                    ref byte target = ref Unsafe.Add(ref output, p * OutC + o);
                    Vector256<int> q0 = Avx.ConvertToVector256Int32(Vector256.ConvertToSingle(c0 + bias0) * scale0) + Vector256.Create(OutputZeroPoint);
                    Vector128<short> words0 = Sse2.PackSignedSaturate(q0.GetLower(), q0.GetUpper());
                    Vector128<byte> y0 = Sse2.PackSignedSaturate(words0, words0).AsByte();
                    Unsafe.WriteUnaligned(ref target, y0.AsUInt64().ToScalar());
                    Vector256<int> q1 = Avx.ConvertToVector256Int32(Vector256.ConvertToSingle(c1 + bias0) * scale0) + Vector256.Create(OutputZeroPoint);
                    Vector128<short> words1 = Sse2.PackSignedSaturate(q1.GetLower(), q1.GetUpper());
                    Vector128<byte> y1 = Sse2.PackSignedSaturate(words1, words1).AsByte();
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, OutC), y1.AsUInt64().ToScalar());
                    Vector256<int> q2 = Avx.ConvertToVector256Int32(Vector256.ConvertToSingle(c2 + bias0) * scale0) + Vector256.Create(OutputZeroPoint);
                    Vector128<short> words2 = Sse2.PackSignedSaturate(q2.GetLower(), q2.GetUpper());
                    Vector128<byte> y2 = Sse2.PackSignedSaturate(words2, words2).AsByte();
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, 2 * OutC), y2.AsUInt64().ToScalar());
                    Vector256<int> q3 = Avx.ConvertToVector256Int32(Vector256.ConvertToSingle(c3 + bias0) * scale0) + Vector256.Create(OutputZeroPoint);
                    Vector128<short> words3 = Sse2.PackSignedSaturate(q3.GetLower(), q3.GetUpper());
                    Vector128<byte> y3 = Sse2.PackSignedSaturate(words3, words3).AsByte();
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, 3 * OutC), y3.AsUInt64().ToScalar());
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
        global::MobileNet.IntegerMath.AveragePool(ref Unsafe.As<byte, sbyte>(ref input), ref Unsafe.As<byte, sbyte>(ref output), Pixels, C, OutputMin, OutputMax);
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
