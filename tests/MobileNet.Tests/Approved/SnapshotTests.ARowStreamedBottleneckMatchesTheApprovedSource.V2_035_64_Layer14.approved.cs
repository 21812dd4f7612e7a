    /// <summary>Layer 14: inverted residual, 4×4×32 → 2×2×56 through 192 channels, depthwise stride 2, pads (top, left, bottom, right) = (1,1,1,1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Layer14_Bottleneck6S2(ref float input, ref float output, ref float scratch)
    {
        const int InH = 4, InW = 4, InC = 32, OutH = 2, Stride = 2, PadTop = 1, Row = 768, Slot = 768;
        ref float ring = ref scratch; // 5 expanded input rows, row iy in slot iy % 5
        ref float zero = ref Unsafe.Add(ref scratch, 5 * Slot); // the zero padding above and below the image
        ref float d = ref Unsafe.Add(ref scratch, 6 * Slot); // the depthwise output rows
        MemoryMarshal.CreateSpan(ref zero, Row).Clear();
        ref float expandWeights = ref MobileNetWeights.Layer14Expand.Floats;
        ref float dwWeights = ref MobileNetWeights.Layer14Depthwise.Floats;
        ref float projectWeights = ref MobileNetWeights.Layer14Project.Floats;
        int expanded = 0;
        for (int oy = 0; oy + 2 <= OutH; oy += 2)
        {
            int iy0 = oy * Stride - PadTop;
            for (; expanded <= Math.Min(iy0 + 4, InH - 1); expanded++)
            {
                ref float slot = ref Unsafe.Add(ref ring, expanded % 5 * Slot);
                Gemm4x32to192_ReLU6(ref expandWeights, ref Unsafe.Add(ref input, expanded * InW * InC), ref slot);
            }
            ref float r0 = ref (uint)(iy0 + 0) < InH ? ref Unsafe.Add(ref ring, (iy0 + 0) % 5 * Slot) : ref zero;
            ref float r1 = ref (uint)(iy0 + 1) < InH ? ref Unsafe.Add(ref ring, (iy0 + 1) % 5 * Slot) : ref zero;
            ref float r2 = ref (uint)(iy0 + 2) < InH ? ref Unsafe.Add(ref ring, (iy0 + 2) % 5 * Slot) : ref zero;
            ref float r3 = ref (uint)(iy0 + 3) < InH ? ref Unsafe.Add(ref ring, (iy0 + 3) % 5 * Slot) : ref zero;
            ref float r4 = ref (uint)(iy0 + 4) < InH ? ref Unsafe.Add(ref ring, (iy0 + 4) % 5 * Slot) : ref zero;
            Depthwise3x3S2P1_2x4to2x192_ReLU6(ref dwWeights, ref r0, ref r1, ref r2, ref r3, ref r4, ref d);
            Gemm4x192to56(ref projectWeights, ref d, ref Unsafe.Add(ref output, oy * 112));
        }
    }
    /// <summary>The expansion of one input row: 4 pixels × 32 → 192 channels, ReLU6. Layers 12, 13, 14.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Gemm4x32to192_ReLU6(ref float weights, ref float input, ref float output)
    {
        // 4 pixels × 32 → 192 channels, in blocks of 16 output channels.
        const int Block = 16, BlockLength = 528; // the weights' packing: per block of output channels, its biases, then its weights for each input channel
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<float> lo = Vector512.Create(0f);
            Vector512<float> hi = Vector512.Create(6f);
            for (int b = 0; b < 12; b += 3)
            {
                int co = b * Block;
                ref float w = ref Unsafe.Add(ref weights, b * BlockLength);
                int p = 0;
                {
                    Vector512<float> c0_0 = Vector512.LoadUnsafe(ref w), c0_1 = Vector512.LoadUnsafe(ref w, 528), c0_2 = Vector512.LoadUnsafe(ref w, 1056);
                    Vector512<float> c1_0 = c0_0, c1_1 = c0_1, c1_2 = c0_2;
                    Vector512<float> c2_0 = c0_0, c2_1 = c0_1, c2_2 = c0_2;
                    Vector512<float> c3_0 = c0_0, c3_1 = c0_1, c3_2 = c0_2;
                    ref float a = ref Unsafe.Add(ref input, p * 32);
                    ref float wk = ref Unsafe.Add(ref w, 16);
                    for (int k = 0; k < 32; k++)
                    {
                        Vector512<float> w0 = Vector512.LoadUnsafe(ref wk), w1 = Vector512.LoadUnsafe(ref wk, 528), w2 = Vector512.LoadUnsafe(ref wk, 1056);
                        Vector512<float> x0 = Vector512.Create(a); c0_0 = Fma(c0_0, x0, w0); c0_1 = Fma(c0_1, x0, w1); c0_2 = Fma(c0_2, x0, w2);
                        Vector512<float> x1 = Vector512.Create(Unsafe.Add(ref a, 32)); c1_0 = Fma(c1_0, x1, w0); c1_1 = Fma(c1_1, x1, w1); c1_2 = Fma(c1_2, x1, w2);
                        Vector512<float> x2 = Vector512.Create(Unsafe.Add(ref a, 64)); c2_0 = Fma(c2_0, x2, w0); c2_1 = Fma(c2_1, x2, w1); c2_2 = Fma(c2_2, x2, w2);
                        Vector512<float> x3 = Vector512.Create(Unsafe.Add(ref a, 96)); c3_0 = Fma(c3_0, x3, w0); c3_1 = Fma(c3_1, x3, w1); c3_2 = Fma(c3_2, x3, w2);
                        a = ref Unsafe.Add(ref a, 1);
                        wk = ref Unsafe.Add(ref wk, 16);
                    }
                    ref float o = ref Unsafe.Add(ref output, p * 192 + co);
                    Vector512.StoreUnsafe(MinNative(MaxNative(c0_0, lo), hi), ref o); Vector512.StoreUnsafe(MinNative(MaxNative(c0_1, lo), hi), ref o, 16); Vector512.StoreUnsafe(MinNative(MaxNative(c0_2, lo), hi), ref o, 32);
                    Vector512.StoreUnsafe(MinNative(MaxNative(c1_0, lo), hi), ref o, 192); Vector512.StoreUnsafe(MinNative(MaxNative(c1_1, lo), hi), ref o, 208); Vector512.StoreUnsafe(MinNative(MaxNative(c1_2, lo), hi), ref o, 224);
                    Vector512.StoreUnsafe(MinNative(MaxNative(c2_0, lo), hi), ref o, 384); Vector512.StoreUnsafe(MinNative(MaxNative(c2_1, lo), hi), ref o, 400); Vector512.StoreUnsafe(MinNative(MaxNative(c2_2, lo), hi), ref o, 416);
                    Vector512.StoreUnsafe(MinNative(MaxNative(c3_0, lo), hi), ref o, 576); Vector512.StoreUnsafe(MinNative(MaxNative(c3_1, lo), hi), ref o, 592); Vector512.StoreUnsafe(MinNative(MaxNative(c3_2, lo), hi), ref o, 608);
                }
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            Vector256<float> lo = Vector256.Create(0f);
            Vector256<float> hi = Vector256.Create(6f);
            for (int b = 0; b < 12; b += 1)
            {
                int co = b * Block;
                ref float w = ref Unsafe.Add(ref weights, b * BlockLength);
                int p = 0;
                {
                    Vector256<float> c0_0 = Vector256.LoadUnsafe(ref w), c0_1 = Vector256.LoadUnsafe(ref w, 8);
                    Vector256<float> c1_0 = c0_0, c1_1 = c0_1;
                    Vector256<float> c2_0 = c0_0, c2_1 = c0_1;
                    Vector256<float> c3_0 = c0_0, c3_1 = c0_1;
                    ref float a = ref Unsafe.Add(ref input, p * 32);
                    ref float wk = ref Unsafe.Add(ref w, 16);
                    for (int k = 0; k < 32; k++)
                    {
                        Vector256<float> w0 = Vector256.LoadUnsafe(ref wk), w1 = Vector256.LoadUnsafe(ref wk, 8);
                        Vector256<float> x0 = Vector256.Create(a); c0_0 = Fma(c0_0, x0, w0); c0_1 = Fma(c0_1, x0, w1);
                        Vector256<float> x1 = Vector256.Create(Unsafe.Add(ref a, 32)); c1_0 = Fma(c1_0, x1, w0); c1_1 = Fma(c1_1, x1, w1);
                        Vector256<float> x2 = Vector256.Create(Unsafe.Add(ref a, 64)); c2_0 = Fma(c2_0, x2, w0); c2_1 = Fma(c2_1, x2, w1);
                        Vector256<float> x3 = Vector256.Create(Unsafe.Add(ref a, 96)); c3_0 = Fma(c3_0, x3, w0); c3_1 = Fma(c3_1, x3, w1);
                        a = ref Unsafe.Add(ref a, 1);
                        wk = ref Unsafe.Add(ref wk, 16);
                    }
                    ref float o = ref Unsafe.Add(ref output, p * 192 + co);
                    Vector256.StoreUnsafe(MinNative(MaxNative(c0_0, lo), hi), ref o); Vector256.StoreUnsafe(MinNative(MaxNative(c0_1, lo), hi), ref o, 8);
                    Vector256.StoreUnsafe(MinNative(MaxNative(c1_0, lo), hi), ref o, 192); Vector256.StoreUnsafe(MinNative(MaxNative(c1_1, lo), hi), ref o, 200);
                    Vector256.StoreUnsafe(MinNative(MaxNative(c2_0, lo), hi), ref o, 384); Vector256.StoreUnsafe(MinNative(MaxNative(c2_1, lo), hi), ref o, 392);
                    Vector256.StoreUnsafe(MinNative(MaxNative(c3_0, lo), hi), ref o, 576); Vector256.StoreUnsafe(MinNative(MaxNative(c3_1, lo), hi), ref o, 584);
                }
            }
        }
        else
        {
            Vector128<float> lo = Vector128.Create(0f);
            Vector128<float> hi = Vector128.Create(6f);
            for (int b = 0; b < 12; b += 1)
            {
                int co = b * Block;
                ref float w = ref Unsafe.Add(ref weights, b * BlockLength);
                int p = 0;
                {
                    Vector128<float> c0_0 = Vector128.LoadUnsafe(ref w), c0_1 = Vector128.LoadUnsafe(ref w, 4), c0_2 = Vector128.LoadUnsafe(ref w, 8), c0_3 = Vector128.LoadUnsafe(ref w, 12);
                    Vector128<float> c1_0 = c0_0, c1_1 = c0_1, c1_2 = c0_2, c1_3 = c0_3;
                    Vector128<float> c2_0 = c0_0, c2_1 = c0_1, c2_2 = c0_2, c2_3 = c0_3;
                    Vector128<float> c3_0 = c0_0, c3_1 = c0_1, c3_2 = c0_2, c3_3 = c0_3;
                    ref float a = ref Unsafe.Add(ref input, p * 32);
                    ref float wk = ref Unsafe.Add(ref w, 16);
                    for (int k = 0; k < 32; k += 4)
                    {
                        // Input channels k … k + 3 of each pixel: lane i multiplies channel k + i's weights.
                        Vector128<float> x0 = Vector128.LoadUnsafe(ref a), x1 = Vector128.LoadUnsafe(ref a, 32), x2 = Vector128.LoadUnsafe(ref a, 64), x3 = Vector128.LoadUnsafe(ref a, 96);
                        Vector128<float> w0 = Vector128.LoadUnsafe(ref wk), w1 = Vector128.LoadUnsafe(ref wk, 4), w2 = Vector128.LoadUnsafe(ref wk, 8), w3 = Vector128.LoadUnsafe(ref wk, 12);
                        c0_0 = FmaLane(c0_0, w0, x0, 0); c0_1 = FmaLane(c0_1, w1, x0, 0); c0_2 = FmaLane(c0_2, w2, x0, 0); c0_3 = FmaLane(c0_3, w3, x0, 0);
                        c1_0 = FmaLane(c1_0, w0, x1, 0); c1_1 = FmaLane(c1_1, w1, x1, 0); c1_2 = FmaLane(c1_2, w2, x1, 0); c1_3 = FmaLane(c1_3, w3, x1, 0);
                        c2_0 = FmaLane(c2_0, w0, x2, 0); c2_1 = FmaLane(c2_1, w1, x2, 0); c2_2 = FmaLane(c2_2, w2, x2, 0); c2_3 = FmaLane(c2_3, w3, x2, 0);
                        c3_0 = FmaLane(c3_0, w0, x3, 0); c3_1 = FmaLane(c3_1, w1, x3, 0); c3_2 = FmaLane(c3_2, w2, x3, 0); c3_3 = FmaLane(c3_3, w3, x3, 0);
                        w0 = Vector128.LoadUnsafe(ref wk, 16); w1 = Vector128.LoadUnsafe(ref wk, 20); w2 = Vector128.LoadUnsafe(ref wk, 24); w3 = Vector128.LoadUnsafe(ref wk, 28);
                        c0_0 = FmaLane(c0_0, w0, x0, 1); c0_1 = FmaLane(c0_1, w1, x0, 1); c0_2 = FmaLane(c0_2, w2, x0, 1); c0_3 = FmaLane(c0_3, w3, x0, 1);
                        c1_0 = FmaLane(c1_0, w0, x1, 1); c1_1 = FmaLane(c1_1, w1, x1, 1); c1_2 = FmaLane(c1_2, w2, x1, 1); c1_3 = FmaLane(c1_3, w3, x1, 1);
                        c2_0 = FmaLane(c2_0, w0, x2, 1); c2_1 = FmaLane(c2_1, w1, x2, 1); c2_2 = FmaLane(c2_2, w2, x2, 1); c2_3 = FmaLane(c2_3, w3, x2, 1);
                        c3_0 = FmaLane(c3_0, w0, x3, 1); c3_1 = FmaLane(c3_1, w1, x3, 1); c3_2 = FmaLane(c3_2, w2, x3, 1); c3_3 = FmaLane(c3_3, w3, x3, 1);
                        w0 = Vector128.LoadUnsafe(ref wk, 32); w1 = Vector128.LoadUnsafe(ref wk, 36); w2 = Vector128.LoadUnsafe(ref wk, 40); w3 = Vector128.LoadUnsafe(ref wk, 44);
                        c0_0 = FmaLane(c0_0, w0, x0, 2); c0_1 = FmaLane(c0_1, w1, x0, 2); c0_2 = FmaLane(c0_2, w2, x0, 2); c0_3 = FmaLane(c0_3, w3, x0, 2);
                        c1_0 = FmaLane(c1_0, w0, x1, 2); c1_1 = FmaLane(c1_1, w1, x1, 2); c1_2 = FmaLane(c1_2, w2, x1, 2); c1_3 = FmaLane(c1_3, w3, x1, 2);
                        c2_0 = FmaLane(c2_0, w0, x2, 2); c2_1 = FmaLane(c2_1, w1, x2, 2); c2_2 = FmaLane(c2_2, w2, x2, 2); c2_3 = FmaLane(c2_3, w3, x2, 2);
                        c3_0 = FmaLane(c3_0, w0, x3, 2); c3_1 = FmaLane(c3_1, w1, x3, 2); c3_2 = FmaLane(c3_2, w2, x3, 2); c3_3 = FmaLane(c3_3, w3, x3, 2);
                        w0 = Vector128.LoadUnsafe(ref wk, 48); w1 = Vector128.LoadUnsafe(ref wk, 52); w2 = Vector128.LoadUnsafe(ref wk, 56); w3 = Vector128.LoadUnsafe(ref wk, 60);
                        c0_0 = FmaLane(c0_0, w0, x0, 3); c0_1 = FmaLane(c0_1, w1, x0, 3); c0_2 = FmaLane(c0_2, w2, x0, 3); c0_3 = FmaLane(c0_3, w3, x0, 3);
                        c1_0 = FmaLane(c1_0, w0, x1, 3); c1_1 = FmaLane(c1_1, w1, x1, 3); c1_2 = FmaLane(c1_2, w2, x1, 3); c1_3 = FmaLane(c1_3, w3, x1, 3);
                        c2_0 = FmaLane(c2_0, w0, x2, 3); c2_1 = FmaLane(c2_1, w1, x2, 3); c2_2 = FmaLane(c2_2, w2, x2, 3); c2_3 = FmaLane(c2_3, w3, x2, 3);
                        c3_0 = FmaLane(c3_0, w0, x3, 3); c3_1 = FmaLane(c3_1, w1, x3, 3); c3_2 = FmaLane(c3_2, w2, x3, 3); c3_3 = FmaLane(c3_3, w3, x3, 3);
                        a = ref Unsafe.Add(ref a, 4);
                        wk = ref Unsafe.Add(ref wk, 64);
                    }
                    ref float o = ref Unsafe.Add(ref output, p * 192 + co);
                    Vector128.StoreUnsafe(MinNative(MaxNative(c0_0, lo), hi), ref o); Vector128.StoreUnsafe(MinNative(MaxNative(c0_1, lo), hi), ref o, 4); Vector128.StoreUnsafe(MinNative(MaxNative(c0_2, lo), hi), ref o, 8); Vector128.StoreUnsafe(MinNative(MaxNative(c0_3, lo), hi), ref o, 12);
                    Vector128.StoreUnsafe(MinNative(MaxNative(c1_0, lo), hi), ref o, 192); Vector128.StoreUnsafe(MinNative(MaxNative(c1_1, lo), hi), ref o, 196); Vector128.StoreUnsafe(MinNative(MaxNative(c1_2, lo), hi), ref o, 200); Vector128.StoreUnsafe(MinNative(MaxNative(c1_3, lo), hi), ref o, 204);
                    Vector128.StoreUnsafe(MinNative(MaxNative(c2_0, lo), hi), ref o, 384); Vector128.StoreUnsafe(MinNative(MaxNative(c2_1, lo), hi), ref o, 388); Vector128.StoreUnsafe(MinNative(MaxNative(c2_2, lo), hi), ref o, 392); Vector128.StoreUnsafe(MinNative(MaxNative(c2_3, lo), hi), ref o, 396);
                    Vector128.StoreUnsafe(MinNative(MaxNative(c3_0, lo), hi), ref o, 576); Vector128.StoreUnsafe(MinNative(MaxNative(c3_1, lo), hi), ref o, 580); Vector128.StoreUnsafe(MinNative(MaxNative(c3_2, lo), hi), ref o, 584); Vector128.StoreUnsafe(MinNative(MaxNative(c3_3, lo), hi), ref o, 588);
                }
            }
        }
    }
    /// <summary>A 3×3 depthwise convolution, stride 2, of two output rows: 2 pixels × 192 channels each, ReLU6. Layer 14.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Depthwise3x3S2P1_2x4to2x192_ReLU6(ref float weights, ref float r0, ref float r1, ref float r2, ref float r3, ref float r4, ref float d)
    {
        // 2 columns: 1 on the left border, 1 inside, 0 on the right border; channels outside, pixels inside.
        const int Group = 16, GroupLength = 160; // the taps' packing: per group of channels, its biases, then each tap's weights
        if (Vector512.IsHardwareAccelerated)
        {
            for (int c = 0; c < 192; c += 16)
            {
                ref float taps = ref Unsafe.Add(ref weights, c / Group * GroupLength + c % Group);
                Vector512<float> bias = Vector512.LoadUnsafe(ref taps);
                Vector512<float> lo = Vector512.Create(0f);
                Vector512<float> hi = Vector512.Create(6f);
                Vector512<float> k0 = Vector512.LoadUnsafe(ref taps, 16), k1 = Vector512.LoadUnsafe(ref taps, 32), k2 = Vector512.LoadUnsafe(ref taps, 48), k3 = Vector512.LoadUnsafe(ref taps, 64), k4 = Vector512.LoadUnsafe(ref taps, 80), k5 = Vector512.LoadUnsafe(ref taps, 96), k6 = Vector512.LoadUnsafe(ref taps, 112), k7 = Vector512.LoadUnsafe(ref taps, 128), k8 = Vector512.LoadUnsafe(ref taps, 144);
                // Pixels 0–1 of the 2 rows (border pixels without their padding taps), channels c … c + 15.
                ref float p0 = ref Unsafe.Add(ref r0, c);
                ref float p1 = ref Unsafe.Add(ref r1, c);
                ref float p2 = ref Unsafe.Add(ref r2, c);
                ref float p3 = ref Unsafe.Add(ref r3, c);
                ref float p4 = ref Unsafe.Add(ref r4, c);
                Vector512<float> a0_0 = bias, a0_1 = bias, a1_0 = bias, a1_1 = bias;
                Vector512<float> x = Vector512.LoadUnsafe(ref p0); a0_0 = Fma(a0_0, x, k1);
                x = Vector512.LoadUnsafe(ref p0, 192); a0_0 = Fma(a0_0, x, k2); a0_1 = Fma(a0_1, x, k0);
                x = Vector512.LoadUnsafe(ref p0, 384); a0_1 = Fma(a0_1, x, k1);
                x = Vector512.LoadUnsafe(ref p0, 576); a0_1 = Fma(a0_1, x, k2);
                x = Vector512.LoadUnsafe(ref p1); a0_0 = Fma(a0_0, x, k4);
                x = Vector512.LoadUnsafe(ref p1, 192); a0_0 = Fma(a0_0, x, k5); a0_1 = Fma(a0_1, x, k3);
                x = Vector512.LoadUnsafe(ref p1, 384); a0_1 = Fma(a0_1, x, k4);
                x = Vector512.LoadUnsafe(ref p1, 576); a0_1 = Fma(a0_1, x, k5);
                x = Vector512.LoadUnsafe(ref p2); a0_0 = Fma(a0_0, x, k7); a1_0 = Fma(a1_0, x, k1);
                x = Vector512.LoadUnsafe(ref p2, 192); a0_0 = Fma(a0_0, x, k8); a0_1 = Fma(a0_1, x, k6); a1_0 = Fma(a1_0, x, k2); a1_1 = Fma(a1_1, x, k0);
                x = Vector512.LoadUnsafe(ref p2, 384); a0_1 = Fma(a0_1, x, k7); a1_1 = Fma(a1_1, x, k1);
                x = Vector512.LoadUnsafe(ref p2, 576); a0_1 = Fma(a0_1, x, k8); a1_1 = Fma(a1_1, x, k2);
                x = Vector512.LoadUnsafe(ref p3); a1_0 = Fma(a1_0, x, k4);
                x = Vector512.LoadUnsafe(ref p3, 192); a1_0 = Fma(a1_0, x, k5); a1_1 = Fma(a1_1, x, k3);
                x = Vector512.LoadUnsafe(ref p3, 384); a1_1 = Fma(a1_1, x, k4);
                x = Vector512.LoadUnsafe(ref p3, 576); a1_1 = Fma(a1_1, x, k5);
                x = Vector512.LoadUnsafe(ref p4); a1_0 = Fma(a1_0, x, k7);
                x = Vector512.LoadUnsafe(ref p4, 192); a1_0 = Fma(a1_0, x, k8); a1_1 = Fma(a1_1, x, k6);
                x = Vector512.LoadUnsafe(ref p4, 384); a1_1 = Fma(a1_1, x, k7);
                x = Vector512.LoadUnsafe(ref p4, 576); a1_1 = Fma(a1_1, x, k8);
                ref float o = ref Unsafe.Add(ref d, c);
                Vector512.StoreUnsafe(MinNative(MaxNative(a0_0, lo), hi), ref o); Vector512.StoreUnsafe(MinNative(MaxNative(a0_1, lo), hi), ref o, 192);
                Vector512.StoreUnsafe(MinNative(MaxNative(a1_0, lo), hi), ref o, 384); Vector512.StoreUnsafe(MinNative(MaxNative(a1_1, lo), hi), ref o, 576);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (int c = 0; c < 192; c += 8)
            {
                ref float taps = ref Unsafe.Add(ref weights, c / Group * GroupLength + c % Group);
                Vector256<float> bias = Vector256.LoadUnsafe(ref taps);
                Vector256<float> lo = Vector256.Create(0f);
                Vector256<float> hi = Vector256.Create(6f);
                Vector256<float> k0 = Vector256.LoadUnsafe(ref taps, 16), k1 = Vector256.LoadUnsafe(ref taps, 32), k2 = Vector256.LoadUnsafe(ref taps, 48), k3 = Vector256.LoadUnsafe(ref taps, 64), k4 = Vector256.LoadUnsafe(ref taps, 80), k5 = Vector256.LoadUnsafe(ref taps, 96), k6 = Vector256.LoadUnsafe(ref taps, 112), k7 = Vector256.LoadUnsafe(ref taps, 128), k8 = Vector256.LoadUnsafe(ref taps, 144);
                // Pixels 0–1 of the 2 rows (border pixels without their padding taps), channels c … c + 7.
                ref float p0 = ref Unsafe.Add(ref r0, c);
                ref float p1 = ref Unsafe.Add(ref r1, c);
                ref float p2 = ref Unsafe.Add(ref r2, c);
                ref float p3 = ref Unsafe.Add(ref r3, c);
                ref float p4 = ref Unsafe.Add(ref r4, c);
                Vector256<float> a0_0 = bias, a0_1 = bias, a1_0 = bias, a1_1 = bias;
                Vector256<float> x = Vector256.LoadUnsafe(ref p0); a0_0 = Fma(a0_0, x, k1);
                x = Vector256.LoadUnsafe(ref p0, 192); a0_0 = Fma(a0_0, x, k2); a0_1 = Fma(a0_1, x, k0);
                x = Vector256.LoadUnsafe(ref p0, 384); a0_1 = Fma(a0_1, x, k1);
                x = Vector256.LoadUnsafe(ref p0, 576); a0_1 = Fma(a0_1, x, k2);
                x = Vector256.LoadUnsafe(ref p1); a0_0 = Fma(a0_0, x, k4);
                x = Vector256.LoadUnsafe(ref p1, 192); a0_0 = Fma(a0_0, x, k5); a0_1 = Fma(a0_1, x, k3);
                x = Vector256.LoadUnsafe(ref p1, 384); a0_1 = Fma(a0_1, x, k4);
                x = Vector256.LoadUnsafe(ref p1, 576); a0_1 = Fma(a0_1, x, k5);
                x = Vector256.LoadUnsafe(ref p2); a0_0 = Fma(a0_0, x, k7); a1_0 = Fma(a1_0, x, k1);
                x = Vector256.LoadUnsafe(ref p2, 192); a0_0 = Fma(a0_0, x, k8); a0_1 = Fma(a0_1, x, k6); a1_0 = Fma(a1_0, x, k2); a1_1 = Fma(a1_1, x, k0);
                x = Vector256.LoadUnsafe(ref p2, 384); a0_1 = Fma(a0_1, x, k7); a1_1 = Fma(a1_1, x, k1);
                x = Vector256.LoadUnsafe(ref p2, 576); a0_1 = Fma(a0_1, x, k8); a1_1 = Fma(a1_1, x, k2);
                x = Vector256.LoadUnsafe(ref p3); a1_0 = Fma(a1_0, x, k4);
                x = Vector256.LoadUnsafe(ref p3, 192); a1_0 = Fma(a1_0, x, k5); a1_1 = Fma(a1_1, x, k3);
                x = Vector256.LoadUnsafe(ref p3, 384); a1_1 = Fma(a1_1, x, k4);
                x = Vector256.LoadUnsafe(ref p3, 576); a1_1 = Fma(a1_1, x, k5);
                x = Vector256.LoadUnsafe(ref p4); a1_0 = Fma(a1_0, x, k7);
                x = Vector256.LoadUnsafe(ref p4, 192); a1_0 = Fma(a1_0, x, k8); a1_1 = Fma(a1_1, x, k6);
                x = Vector256.LoadUnsafe(ref p4, 384); a1_1 = Fma(a1_1, x, k7);
                x = Vector256.LoadUnsafe(ref p4, 576); a1_1 = Fma(a1_1, x, k8);
                ref float o = ref Unsafe.Add(ref d, c);
                Vector256.StoreUnsafe(MinNative(MaxNative(a0_0, lo), hi), ref o); Vector256.StoreUnsafe(MinNative(MaxNative(a0_1, lo), hi), ref o, 192);
                Vector256.StoreUnsafe(MinNative(MaxNative(a1_0, lo), hi), ref o, 384); Vector256.StoreUnsafe(MinNative(MaxNative(a1_1, lo), hi), ref o, 576);
            }
        }
        else
        {
            for (int c = 0; c < 192; c += 4)
            {
                ref float taps = ref Unsafe.Add(ref weights, c / Group * GroupLength + c % Group);
                Vector128<float> bias = Vector128.LoadUnsafe(ref taps);
                Vector128<float> lo = Vector128.Create(0f);
                Vector128<float> hi = Vector128.Create(6f);
                Vector128<float> k0 = Vector128.LoadUnsafe(ref taps, 16), k1 = Vector128.LoadUnsafe(ref taps, 32), k2 = Vector128.LoadUnsafe(ref taps, 48), k3 = Vector128.LoadUnsafe(ref taps, 64), k4 = Vector128.LoadUnsafe(ref taps, 80), k5 = Vector128.LoadUnsafe(ref taps, 96), k6 = Vector128.LoadUnsafe(ref taps, 112), k7 = Vector128.LoadUnsafe(ref taps, 128), k8 = Vector128.LoadUnsafe(ref taps, 144);
                // Pixels 0–1 of the 2 rows (border pixels without their padding taps), channels c … c + 3.
                ref float p0 = ref Unsafe.Add(ref r0, c);
                ref float p1 = ref Unsafe.Add(ref r1, c);
                ref float p2 = ref Unsafe.Add(ref r2, c);
                ref float p3 = ref Unsafe.Add(ref r3, c);
                ref float p4 = ref Unsafe.Add(ref r4, c);
                Vector128<float> a0_0 = bias, a0_1 = bias, a1_0 = bias, a1_1 = bias;
                Vector128<float> x = Vector128.LoadUnsafe(ref p0); a0_0 = Fma(a0_0, x, k1);
                x = Vector128.LoadUnsafe(ref p0, 192); a0_0 = Fma(a0_0, x, k2); a0_1 = Fma(a0_1, x, k0);
                x = Vector128.LoadUnsafe(ref p0, 384); a0_1 = Fma(a0_1, x, k1);
                x = Vector128.LoadUnsafe(ref p0, 576); a0_1 = Fma(a0_1, x, k2);
                x = Vector128.LoadUnsafe(ref p1); a0_0 = Fma(a0_0, x, k4);
                x = Vector128.LoadUnsafe(ref p1, 192); a0_0 = Fma(a0_0, x, k5); a0_1 = Fma(a0_1, x, k3);
                x = Vector128.LoadUnsafe(ref p1, 384); a0_1 = Fma(a0_1, x, k4);
                x = Vector128.LoadUnsafe(ref p1, 576); a0_1 = Fma(a0_1, x, k5);
                x = Vector128.LoadUnsafe(ref p2); a0_0 = Fma(a0_0, x, k7); a1_0 = Fma(a1_0, x, k1);
                x = Vector128.LoadUnsafe(ref p2, 192); a0_0 = Fma(a0_0, x, k8); a0_1 = Fma(a0_1, x, k6); a1_0 = Fma(a1_0, x, k2); a1_1 = Fma(a1_1, x, k0);
                x = Vector128.LoadUnsafe(ref p2, 384); a0_1 = Fma(a0_1, x, k7); a1_1 = Fma(a1_1, x, k1);
                x = Vector128.LoadUnsafe(ref p2, 576); a0_1 = Fma(a0_1, x, k8); a1_1 = Fma(a1_1, x, k2);
                x = Vector128.LoadUnsafe(ref p3); a1_0 = Fma(a1_0, x, k4);
                x = Vector128.LoadUnsafe(ref p3, 192); a1_0 = Fma(a1_0, x, k5); a1_1 = Fma(a1_1, x, k3);
                x = Vector128.LoadUnsafe(ref p3, 384); a1_1 = Fma(a1_1, x, k4);
                x = Vector128.LoadUnsafe(ref p3, 576); a1_1 = Fma(a1_1, x, k5);
                x = Vector128.LoadUnsafe(ref p4); a1_0 = Fma(a1_0, x, k7);
                x = Vector128.LoadUnsafe(ref p4, 192); a1_0 = Fma(a1_0, x, k8); a1_1 = Fma(a1_1, x, k6);
                x = Vector128.LoadUnsafe(ref p4, 384); a1_1 = Fma(a1_1, x, k7);
                x = Vector128.LoadUnsafe(ref p4, 576); a1_1 = Fma(a1_1, x, k8);
                ref float o = ref Unsafe.Add(ref d, c);
                Vector128.StoreUnsafe(MinNative(MaxNative(a0_0, lo), hi), ref o); Vector128.StoreUnsafe(MinNative(MaxNative(a0_1, lo), hi), ref o, 192);
                Vector128.StoreUnsafe(MinNative(MaxNative(a1_0, lo), hi), ref o, 384); Vector128.StoreUnsafe(MinNative(MaxNative(a1_1, lo), hi), ref o, 576);
            }
        }
    }
    /// <summary>The projection of two output rows: 4 pixels × 192 → 56 channels. Layer 14.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Gemm4x192to56(ref float weights, ref float input, ref float output)
    {
        // 4 pixels × 192 → 56 channels, in blocks of 16 output channels.
        const int Block = 16, BlockLength = 3088; // the weights' packing: per block of output channels, its biases, then its weights for each input channel
        if (Vector512.IsHardwareAccelerated)
        {
            // The last 8 channels in the lower half of the last column.
            ref float w = ref weights;
            int p = 0;
            {
                Vector512<float> c0_0 = Vector512.LoadUnsafe(ref w), c0_1 = Vector512.LoadUnsafe(ref w, 3088), c0_2 = Vector512.LoadUnsafe(ref w, 6176), c0_3 = Vector512.LoadUnsafe(ref w, 9264);
                Vector512<float> c1_0 = c0_0, c1_1 = c0_1, c1_2 = c0_2, c1_3 = c0_3;
                Vector512<float> c2_0 = c0_0, c2_1 = c0_1, c2_2 = c0_2, c2_3 = c0_3;
                Vector512<float> c3_0 = c0_0, c3_1 = c0_1, c3_2 = c0_2, c3_3 = c0_3;
                ref float a = ref Unsafe.Add(ref input, p * 192);
                ref float wk = ref Unsafe.Add(ref w, 16);
                for (int k = 0; k < 192; k++)
                {
                    Vector512<float> w0 = Vector512.LoadUnsafe(ref wk), w1 = Vector512.LoadUnsafe(ref wk, 3088), w2 = Vector512.LoadUnsafe(ref wk, 6176), w3 = Vector512.LoadUnsafe(ref wk, 9264);
                    Vector512<float> x0 = Vector512.Create(a); c0_0 = Fma(c0_0, x0, w0); c0_1 = Fma(c0_1, x0, w1); c0_2 = Fma(c0_2, x0, w2); c0_3 = Fma(c0_3, x0, w3);
                    Vector512<float> x1 = Vector512.Create(Unsafe.Add(ref a, 192)); c1_0 = Fma(c1_0, x1, w0); c1_1 = Fma(c1_1, x1, w1); c1_2 = Fma(c1_2, x1, w2); c1_3 = Fma(c1_3, x1, w3);
                    Vector512<float> x2 = Vector512.Create(Unsafe.Add(ref a, 384)); c2_0 = Fma(c2_0, x2, w0); c2_1 = Fma(c2_1, x2, w1); c2_2 = Fma(c2_2, x2, w2); c2_3 = Fma(c2_3, x2, w3);
                    Vector512<float> x3 = Vector512.Create(Unsafe.Add(ref a, 576)); c3_0 = Fma(c3_0, x3, w0); c3_1 = Fma(c3_1, x3, w1); c3_2 = Fma(c3_2, x3, w2); c3_3 = Fma(c3_3, x3, w3);
                    a = ref Unsafe.Add(ref a, 1);
                    wk = ref Unsafe.Add(ref wk, 16);
                }
                ref float o = ref Unsafe.Add(ref output, p * 56);
                Vector512.StoreUnsafe(c0_0, ref o); Vector512.StoreUnsafe(c0_1, ref o, 16); Vector512.StoreUnsafe(c0_2, ref o, 32); Vector256.StoreUnsafe(c0_3.GetLower(), ref o, 48);
                Vector512.StoreUnsafe(c1_0, ref o, 56); Vector512.StoreUnsafe(c1_1, ref o, 72); Vector512.StoreUnsafe(c1_2, ref o, 88); Vector256.StoreUnsafe(c1_3.GetLower(), ref o, 104);
                Vector512.StoreUnsafe(c2_0, ref o, 112); Vector512.StoreUnsafe(c2_1, ref o, 128); Vector512.StoreUnsafe(c2_2, ref o, 144); Vector256.StoreUnsafe(c2_3.GetLower(), ref o, 160);
                Vector512.StoreUnsafe(c3_0, ref o, 168); Vector512.StoreUnsafe(c3_1, ref o, 184); Vector512.StoreUnsafe(c3_2, ref o, 200); Vector256.StoreUnsafe(c3_3.GetLower(), ref o, 216);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (int b = 0; b < 3; b += 1)
            {
                int co = b * Block;
                ref float w = ref Unsafe.Add(ref weights, b * BlockLength);
                int p = 0;
                {
                    Vector256<float> c0_0 = Vector256.LoadUnsafe(ref w), c0_1 = Vector256.LoadUnsafe(ref w, 8);
                    Vector256<float> c1_0 = c0_0, c1_1 = c0_1;
                    Vector256<float> c2_0 = c0_0, c2_1 = c0_1;
                    Vector256<float> c3_0 = c0_0, c3_1 = c0_1;
                    ref float a = ref Unsafe.Add(ref input, p * 192);
                    ref float wk = ref Unsafe.Add(ref w, 16);
                    for (int k = 0; k < 192; k++)
                    {
                        Vector256<float> w0 = Vector256.LoadUnsafe(ref wk), w1 = Vector256.LoadUnsafe(ref wk, 8);
                        Vector256<float> x0 = Vector256.Create(a); c0_0 = Fma(c0_0, x0, w0); c0_1 = Fma(c0_1, x0, w1);
                        Vector256<float> x1 = Vector256.Create(Unsafe.Add(ref a, 192)); c1_0 = Fma(c1_0, x1, w0); c1_1 = Fma(c1_1, x1, w1);
                        Vector256<float> x2 = Vector256.Create(Unsafe.Add(ref a, 384)); c2_0 = Fma(c2_0, x2, w0); c2_1 = Fma(c2_1, x2, w1);
                        Vector256<float> x3 = Vector256.Create(Unsafe.Add(ref a, 576)); c3_0 = Fma(c3_0, x3, w0); c3_1 = Fma(c3_1, x3, w1);
                        a = ref Unsafe.Add(ref a, 1);
                        wk = ref Unsafe.Add(ref wk, 16);
                    }
                    ref float o = ref Unsafe.Add(ref output, p * 56 + co);
                    Vector256.StoreUnsafe(c0_0, ref o); Vector256.StoreUnsafe(c0_1, ref o, 8);
                    Vector256.StoreUnsafe(c1_0, ref o, 56); Vector256.StoreUnsafe(c1_1, ref o, 64);
                    Vector256.StoreUnsafe(c2_0, ref o, 112); Vector256.StoreUnsafe(c2_1, ref o, 120);
                    Vector256.StoreUnsafe(c3_0, ref o, 168); Vector256.StoreUnsafe(c3_1, ref o, 176);
                }
            }
            // The last 8 channels, 1 × Vector256.
            {
                ref float w = ref Unsafe.Add(ref weights, 9264);
                int p = 0;
                {
                    Vector256<float> c0_0 = Vector256.LoadUnsafe(ref w);
                    Vector256<float> c1_0 = c0_0;
                    Vector256<float> c2_0 = c0_0;
                    Vector256<float> c3_0 = c0_0;
                    ref float a = ref Unsafe.Add(ref input, p * 192);
                    ref float wk = ref Unsafe.Add(ref w, 16);
                    for (int k = 0; k < 192; k++)
                    {
                        Vector256<float> w0 = Vector256.LoadUnsafe(ref wk);
                        Vector256<float> x0 = Vector256.Create(a); c0_0 = Fma(c0_0, x0, w0);
                        Vector256<float> x1 = Vector256.Create(Unsafe.Add(ref a, 192)); c1_0 = Fma(c1_0, x1, w0);
                        Vector256<float> x2 = Vector256.Create(Unsafe.Add(ref a, 384)); c2_0 = Fma(c2_0, x2, w0);
                        Vector256<float> x3 = Vector256.Create(Unsafe.Add(ref a, 576)); c3_0 = Fma(c3_0, x3, w0);
                        a = ref Unsafe.Add(ref a, 1);
                        wk = ref Unsafe.Add(ref wk, 16);
                    }
                    ref float o = ref Unsafe.Add(ref output, p * 56 + 48);
                    Vector256.StoreUnsafe(c0_0, ref o);
                    Vector256.StoreUnsafe(c1_0, ref o, 56);
                    Vector256.StoreUnsafe(c2_0, ref o, 112);
                    Vector256.StoreUnsafe(c3_0, ref o, 168);
                }
            }
        }
        else
        {
            for (int b = 0; b < 3; b += 1)
            {
                int co = b * Block;
                ref float w = ref Unsafe.Add(ref weights, b * BlockLength);
                int p = 0;
                {
                    Vector128<float> c0_0 = Vector128.LoadUnsafe(ref w), c0_1 = Vector128.LoadUnsafe(ref w, 4), c0_2 = Vector128.LoadUnsafe(ref w, 8), c0_3 = Vector128.LoadUnsafe(ref w, 12);
                    Vector128<float> c1_0 = c0_0, c1_1 = c0_1, c1_2 = c0_2, c1_3 = c0_3;
                    Vector128<float> c2_0 = c0_0, c2_1 = c0_1, c2_2 = c0_2, c2_3 = c0_3;
                    Vector128<float> c3_0 = c0_0, c3_1 = c0_1, c3_2 = c0_2, c3_3 = c0_3;
                    ref float a = ref Unsafe.Add(ref input, p * 192);
                    ref float wk = ref Unsafe.Add(ref w, 16);
                    for (int k = 0; k < 192; k += 4)
                    {
                        // Input channels k … k + 3 of each pixel: lane i multiplies channel k + i's weights.
                        Vector128<float> x0 = Vector128.LoadUnsafe(ref a), x1 = Vector128.LoadUnsafe(ref a, 192), x2 = Vector128.LoadUnsafe(ref a, 384), x3 = Vector128.LoadUnsafe(ref a, 576);
                        Vector128<float> w0 = Vector128.LoadUnsafe(ref wk), w1 = Vector128.LoadUnsafe(ref wk, 4), w2 = Vector128.LoadUnsafe(ref wk, 8), w3 = Vector128.LoadUnsafe(ref wk, 12);
                        c0_0 = FmaLane(c0_0, w0, x0, 0); c0_1 = FmaLane(c0_1, w1, x0, 0); c0_2 = FmaLane(c0_2, w2, x0, 0); c0_3 = FmaLane(c0_3, w3, x0, 0);
                        c1_0 = FmaLane(c1_0, w0, x1, 0); c1_1 = FmaLane(c1_1, w1, x1, 0); c1_2 = FmaLane(c1_2, w2, x1, 0); c1_3 = FmaLane(c1_3, w3, x1, 0);
                        c2_0 = FmaLane(c2_0, w0, x2, 0); c2_1 = FmaLane(c2_1, w1, x2, 0); c2_2 = FmaLane(c2_2, w2, x2, 0); c2_3 = FmaLane(c2_3, w3, x2, 0);
                        c3_0 = FmaLane(c3_0, w0, x3, 0); c3_1 = FmaLane(c3_1, w1, x3, 0); c3_2 = FmaLane(c3_2, w2, x3, 0); c3_3 = FmaLane(c3_3, w3, x3, 0);
                        w0 = Vector128.LoadUnsafe(ref wk, 16); w1 = Vector128.LoadUnsafe(ref wk, 20); w2 = Vector128.LoadUnsafe(ref wk, 24); w3 = Vector128.LoadUnsafe(ref wk, 28);
                        c0_0 = FmaLane(c0_0, w0, x0, 1); c0_1 = FmaLane(c0_1, w1, x0, 1); c0_2 = FmaLane(c0_2, w2, x0, 1); c0_3 = FmaLane(c0_3, w3, x0, 1);
                        c1_0 = FmaLane(c1_0, w0, x1, 1); c1_1 = FmaLane(c1_1, w1, x1, 1); c1_2 = FmaLane(c1_2, w2, x1, 1); c1_3 = FmaLane(c1_3, w3, x1, 1);
                        c2_0 = FmaLane(c2_0, w0, x2, 1); c2_1 = FmaLane(c2_1, w1, x2, 1); c2_2 = FmaLane(c2_2, w2, x2, 1); c2_3 = FmaLane(c2_3, w3, x2, 1);
                        c3_0 = FmaLane(c3_0, w0, x3, 1); c3_1 = FmaLane(c3_1, w1, x3, 1); c3_2 = FmaLane(c3_2, w2, x3, 1); c3_3 = FmaLane(c3_3, w3, x3, 1);
                        w0 = Vector128.LoadUnsafe(ref wk, 32); w1 = Vector128.LoadUnsafe(ref wk, 36); w2 = Vector128.LoadUnsafe(ref wk, 40); w3 = Vector128.LoadUnsafe(ref wk, 44);
                        c0_0 = FmaLane(c0_0, w0, x0, 2); c0_1 = FmaLane(c0_1, w1, x0, 2); c0_2 = FmaLane(c0_2, w2, x0, 2); c0_3 = FmaLane(c0_3, w3, x0, 2);
                        c1_0 = FmaLane(c1_0, w0, x1, 2); c1_1 = FmaLane(c1_1, w1, x1, 2); c1_2 = FmaLane(c1_2, w2, x1, 2); c1_3 = FmaLane(c1_3, w3, x1, 2);
                        c2_0 = FmaLane(c2_0, w0, x2, 2); c2_1 = FmaLane(c2_1, w1, x2, 2); c2_2 = FmaLane(c2_2, w2, x2, 2); c2_3 = FmaLane(c2_3, w3, x2, 2);
                        c3_0 = FmaLane(c3_0, w0, x3, 2); c3_1 = FmaLane(c3_1, w1, x3, 2); c3_2 = FmaLane(c3_2, w2, x3, 2); c3_3 = FmaLane(c3_3, w3, x3, 2);
                        w0 = Vector128.LoadUnsafe(ref wk, 48); w1 = Vector128.LoadUnsafe(ref wk, 52); w2 = Vector128.LoadUnsafe(ref wk, 56); w3 = Vector128.LoadUnsafe(ref wk, 60);
                        c0_0 = FmaLane(c0_0, w0, x0, 3); c0_1 = FmaLane(c0_1, w1, x0, 3); c0_2 = FmaLane(c0_2, w2, x0, 3); c0_3 = FmaLane(c0_3, w3, x0, 3);
                        c1_0 = FmaLane(c1_0, w0, x1, 3); c1_1 = FmaLane(c1_1, w1, x1, 3); c1_2 = FmaLane(c1_2, w2, x1, 3); c1_3 = FmaLane(c1_3, w3, x1, 3);
                        c2_0 = FmaLane(c2_0, w0, x2, 3); c2_1 = FmaLane(c2_1, w1, x2, 3); c2_2 = FmaLane(c2_2, w2, x2, 3); c2_3 = FmaLane(c2_3, w3, x2, 3);
                        c3_0 = FmaLane(c3_0, w0, x3, 3); c3_1 = FmaLane(c3_1, w1, x3, 3); c3_2 = FmaLane(c3_2, w2, x3, 3); c3_3 = FmaLane(c3_3, w3, x3, 3);
                        a = ref Unsafe.Add(ref a, 4);
                        wk = ref Unsafe.Add(ref wk, 64);
                    }
                    ref float o = ref Unsafe.Add(ref output, p * 56 + co);
                    Vector128.StoreUnsafe(c0_0, ref o); Vector128.StoreUnsafe(c0_1, ref o, 4); Vector128.StoreUnsafe(c0_2, ref o, 8); Vector128.StoreUnsafe(c0_3, ref o, 12);
                    Vector128.StoreUnsafe(c1_0, ref o, 56); Vector128.StoreUnsafe(c1_1, ref o, 60); Vector128.StoreUnsafe(c1_2, ref o, 64); Vector128.StoreUnsafe(c1_3, ref o, 68);
                    Vector128.StoreUnsafe(c2_0, ref o, 112); Vector128.StoreUnsafe(c2_1, ref o, 116); Vector128.StoreUnsafe(c2_2, ref o, 120); Vector128.StoreUnsafe(c2_3, ref o, 124);
                    Vector128.StoreUnsafe(c3_0, ref o, 168); Vector128.StoreUnsafe(c3_1, ref o, 172); Vector128.StoreUnsafe(c3_2, ref o, 176); Vector128.StoreUnsafe(c3_3, ref o, 180);
                }
            }
            // The last 8 channels, 2 × Vector128.
            {
                ref float w = ref Unsafe.Add(ref weights, 9264);
                int p = 0;
                {
                    Vector128<float> c0_0 = Vector128.LoadUnsafe(ref w), c0_1 = Vector128.LoadUnsafe(ref w, 4);
                    Vector128<float> c1_0 = c0_0, c1_1 = c0_1;
                    Vector128<float> c2_0 = c0_0, c2_1 = c0_1;
                    Vector128<float> c3_0 = c0_0, c3_1 = c0_1;
                    ref float a = ref Unsafe.Add(ref input, p * 192);
                    ref float wk = ref Unsafe.Add(ref w, 16);
                    for (int k = 0; k < 192; k += 4)
                    {
                        // Input channels k … k + 3 of each pixel: lane i multiplies channel k + i's weights.
                        Vector128<float> x0 = Vector128.LoadUnsafe(ref a), x1 = Vector128.LoadUnsafe(ref a, 192), x2 = Vector128.LoadUnsafe(ref a, 384), x3 = Vector128.LoadUnsafe(ref a, 576);
                        Vector128<float> w0 = Vector128.LoadUnsafe(ref wk), w1 = Vector128.LoadUnsafe(ref wk, 4);
                        c0_0 = FmaLane(c0_0, w0, x0, 0); c0_1 = FmaLane(c0_1, w1, x0, 0);
                        c1_0 = FmaLane(c1_0, w0, x1, 0); c1_1 = FmaLane(c1_1, w1, x1, 0);
                        c2_0 = FmaLane(c2_0, w0, x2, 0); c2_1 = FmaLane(c2_1, w1, x2, 0);
                        c3_0 = FmaLane(c3_0, w0, x3, 0); c3_1 = FmaLane(c3_1, w1, x3, 0);
                        w0 = Vector128.LoadUnsafe(ref wk, 16); w1 = Vector128.LoadUnsafe(ref wk, 20);
                        c0_0 = FmaLane(c0_0, w0, x0, 1); c0_1 = FmaLane(c0_1, w1, x0, 1);
                        c1_0 = FmaLane(c1_0, w0, x1, 1); c1_1 = FmaLane(c1_1, w1, x1, 1);
                        c2_0 = FmaLane(c2_0, w0, x2, 1); c2_1 = FmaLane(c2_1, w1, x2, 1);
                        c3_0 = FmaLane(c3_0, w0, x3, 1); c3_1 = FmaLane(c3_1, w1, x3, 1);
                        w0 = Vector128.LoadUnsafe(ref wk, 32); w1 = Vector128.LoadUnsafe(ref wk, 36);
                        c0_0 = FmaLane(c0_0, w0, x0, 2); c0_1 = FmaLane(c0_1, w1, x0, 2);
                        c1_0 = FmaLane(c1_0, w0, x1, 2); c1_1 = FmaLane(c1_1, w1, x1, 2);
                        c2_0 = FmaLane(c2_0, w0, x2, 2); c2_1 = FmaLane(c2_1, w1, x2, 2);
                        c3_0 = FmaLane(c3_0, w0, x3, 2); c3_1 = FmaLane(c3_1, w1, x3, 2);
                        w0 = Vector128.LoadUnsafe(ref wk, 48); w1 = Vector128.LoadUnsafe(ref wk, 52);
                        c0_0 = FmaLane(c0_0, w0, x0, 3); c0_1 = FmaLane(c0_1, w1, x0, 3);
                        c1_0 = FmaLane(c1_0, w0, x1, 3); c1_1 = FmaLane(c1_1, w1, x1, 3);
                        c2_0 = FmaLane(c2_0, w0, x2, 3); c2_1 = FmaLane(c2_1, w1, x2, 3);
                        c3_0 = FmaLane(c3_0, w0, x3, 3); c3_1 = FmaLane(c3_1, w1, x3, 3);
                        a = ref Unsafe.Add(ref a, 4);
                        wk = ref Unsafe.Add(ref wk, 64);
                    }
                    ref float o = ref Unsafe.Add(ref output, p * 56 + 48);
                    Vector128.StoreUnsafe(c0_0, ref o); Vector128.StoreUnsafe(c0_1, ref o, 4);
                    Vector128.StoreUnsafe(c1_0, ref o, 56); Vector128.StoreUnsafe(c1_1, ref o, 60);
                    Vector128.StoreUnsafe(c2_0, ref o, 112); Vector128.StoreUnsafe(c2_1, ref o, 116);
                    Vector128.StoreUnsafe(c3_0, ref o, 168); Vector128.StoreUnsafe(c3_1, ref o, 172);
                }
            }
        }
    }
