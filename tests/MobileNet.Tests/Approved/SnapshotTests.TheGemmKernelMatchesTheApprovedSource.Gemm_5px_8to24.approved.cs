// 5 pixels × 8 → 24 channels, in blocks of 16 output channels.
if (Vector512.IsHardwareAccelerated)
{
    Vector512<float> lo = Vector512.Create(0f);
    Vector512<float> hi = Vector512.Create(6f);
    // The last 8 channels in the lower half of the last column.
    Vector256<float> halfLo = Vector256.Create(0f);
    Vector256<float> halfHi = Vector256.Create(6f);
    ref float w = ref weights;
    int p = 0;
    {
        Vector512<float> c0_0 = Vector512.LoadUnsafe(ref w), c0_1 = Vector512.LoadUnsafe(ref w, 144);
        Vector512<float> c1_0 = c0_0, c1_1 = c0_1;
        Vector512<float> c2_0 = c0_0, c2_1 = c0_1;
        Vector512<float> c3_0 = c0_0, c3_1 = c0_1;
        Vector512<float> c4_0 = c0_0, c4_1 = c0_1;
        ref float a = ref Unsafe.Add(ref input, p * 8);
        ref float wk = ref Unsafe.Add(ref w, 16);
        for (int k = 0; k < 8; k++)
        {
            Vector512<float> w0 = Vector512.LoadUnsafe(ref wk), w1 = Vector512.LoadUnsafe(ref wk, 144);
            Vector512<float> x0 = Vector512.Create(a); c0_0 = Fma(c0_0, x0, w0); c0_1 = Fma(c0_1, x0, w1);
            Vector512<float> x1 = Vector512.Create(Unsafe.Add(ref a, 8)); c1_0 = Fma(c1_0, x1, w0); c1_1 = Fma(c1_1, x1, w1);
            Vector512<float> x2 = Vector512.Create(Unsafe.Add(ref a, 16)); c2_0 = Fma(c2_0, x2, w0); c2_1 = Fma(c2_1, x2, w1);
            Vector512<float> x3 = Vector512.Create(Unsafe.Add(ref a, 24)); c3_0 = Fma(c3_0, x3, w0); c3_1 = Fma(c3_1, x3, w1);
            Vector512<float> x4 = Vector512.Create(Unsafe.Add(ref a, 32)); c4_0 = Fma(c4_0, x4, w0); c4_1 = Fma(c4_1, x4, w1);
            a = ref Unsafe.Add(ref a, 1);
            wk = ref Unsafe.Add(ref wk, 16);
        }
        ref float o = ref Unsafe.Add(ref output, p * 24);
        Vector512.StoreUnsafe(MinNative(MaxNative(c0_0, lo), hi), ref o); Vector256.StoreUnsafe(MinNative(MaxNative(c0_1.GetLower(), halfLo), halfHi), ref o, 16);
        Vector512.StoreUnsafe(MinNative(MaxNative(c1_0, lo), hi), ref o, 24); Vector256.StoreUnsafe(MinNative(MaxNative(c1_1.GetLower(), halfLo), halfHi), ref o, 40);
        Vector512.StoreUnsafe(MinNative(MaxNative(c2_0, lo), hi), ref o, 48); Vector256.StoreUnsafe(MinNative(MaxNative(c2_1.GetLower(), halfLo), halfHi), ref o, 64);
        Vector512.StoreUnsafe(MinNative(MaxNative(c3_0, lo), hi), ref o, 72); Vector256.StoreUnsafe(MinNative(MaxNative(c3_1.GetLower(), halfLo), halfHi), ref o, 88);
        Vector512.StoreUnsafe(MinNative(MaxNative(c4_0, lo), hi), ref o, 96); Vector256.StoreUnsafe(MinNative(MaxNative(c4_1.GetLower(), halfLo), halfHi), ref o, 112);
    }
}
else if (Vector256.IsHardwareAccelerated)
{
    Vector256<float> lo = Vector256.Create(0f);
    Vector256<float> hi = Vector256.Create(6f);
    {
        ref float w = ref weights;
        int p = 0;
        {
            Vector256<float> c0_0 = Vector256.LoadUnsafe(ref w), c0_1 = Vector256.LoadUnsafe(ref w, 8);
            Vector256<float> c1_0 = c0_0, c1_1 = c0_1;
            Vector256<float> c2_0 = c0_0, c2_1 = c0_1;
            Vector256<float> c3_0 = c0_0, c3_1 = c0_1;
            Vector256<float> c4_0 = c0_0, c4_1 = c0_1;
            ref float a = ref Unsafe.Add(ref input, p * 8);
            ref float wk = ref Unsafe.Add(ref w, 16);
            for (int k = 0; k < 8; k++)
            {
                Vector256<float> w0 = Vector256.LoadUnsafe(ref wk), w1 = Vector256.LoadUnsafe(ref wk, 8);
                Vector256<float> x0 = Vector256.Create(a); c0_0 = Fma(c0_0, x0, w0); c0_1 = Fma(c0_1, x0, w1);
                Vector256<float> x1 = Vector256.Create(Unsafe.Add(ref a, 8)); c1_0 = Fma(c1_0, x1, w0); c1_1 = Fma(c1_1, x1, w1);
                Vector256<float> x2 = Vector256.Create(Unsafe.Add(ref a, 16)); c2_0 = Fma(c2_0, x2, w0); c2_1 = Fma(c2_1, x2, w1);
                Vector256<float> x3 = Vector256.Create(Unsafe.Add(ref a, 24)); c3_0 = Fma(c3_0, x3, w0); c3_1 = Fma(c3_1, x3, w1);
                Vector256<float> x4 = Vector256.Create(Unsafe.Add(ref a, 32)); c4_0 = Fma(c4_0, x4, w0); c4_1 = Fma(c4_1, x4, w1);
                a = ref Unsafe.Add(ref a, 1);
                wk = ref Unsafe.Add(ref wk, 16);
            }
            ref float o = ref Unsafe.Add(ref output, p * 24);
            Vector256.StoreUnsafe(MinNative(MaxNative(c0_0, lo), hi), ref o); Vector256.StoreUnsafe(MinNative(MaxNative(c0_1, lo), hi), ref o, 8);
            Vector256.StoreUnsafe(MinNative(MaxNative(c1_0, lo), hi), ref o, 24); Vector256.StoreUnsafe(MinNative(MaxNative(c1_1, lo), hi), ref o, 32);
            Vector256.StoreUnsafe(MinNative(MaxNative(c2_0, lo), hi), ref o, 48); Vector256.StoreUnsafe(MinNative(MaxNative(c2_1, lo), hi), ref o, 56);
            Vector256.StoreUnsafe(MinNative(MaxNative(c3_0, lo), hi), ref o, 72); Vector256.StoreUnsafe(MinNative(MaxNative(c3_1, lo), hi), ref o, 80);
            Vector256.StoreUnsafe(MinNative(MaxNative(c4_0, lo), hi), ref o, 96); Vector256.StoreUnsafe(MinNative(MaxNative(c4_1, lo), hi), ref o, 104);
        }
    }
    // The last 8 channels, 1 × Vector256.
    Vector256<float> restLo = Vector256.Create(0f);
    Vector256<float> restHi = Vector256.Create(6f);
    {
        ref float w = ref Unsafe.Add(ref weights, 144);
        int p = 0;
        {
            Vector256<float> c0_0 = Vector256.LoadUnsafe(ref w);
            Vector256<float> c1_0 = c0_0;
            Vector256<float> c2_0 = c0_0;
            Vector256<float> c3_0 = c0_0;
            Vector256<float> c4_0 = c0_0;
            ref float a = ref Unsafe.Add(ref input, p * 8);
            ref float wk = ref Unsafe.Add(ref w, 16);
            for (int k = 0; k < 8; k++)
            {
                Vector256<float> w0 = Vector256.LoadUnsafe(ref wk);
                Vector256<float> x0 = Vector256.Create(a); c0_0 = Fma(c0_0, x0, w0);
                Vector256<float> x1 = Vector256.Create(Unsafe.Add(ref a, 8)); c1_0 = Fma(c1_0, x1, w0);
                Vector256<float> x2 = Vector256.Create(Unsafe.Add(ref a, 16)); c2_0 = Fma(c2_0, x2, w0);
                Vector256<float> x3 = Vector256.Create(Unsafe.Add(ref a, 24)); c3_0 = Fma(c3_0, x3, w0);
                Vector256<float> x4 = Vector256.Create(Unsafe.Add(ref a, 32)); c4_0 = Fma(c4_0, x4, w0);
                a = ref Unsafe.Add(ref a, 1);
                wk = ref Unsafe.Add(ref wk, 16);
            }
            ref float o = ref Unsafe.Add(ref output, p * 24 + 16);
            Vector256.StoreUnsafe(MinNative(MaxNative(c0_0, restLo), restHi), ref o);
            Vector256.StoreUnsafe(MinNative(MaxNative(c1_0, restLo), restHi), ref o, 24);
            Vector256.StoreUnsafe(MinNative(MaxNative(c2_0, restLo), restHi), ref o, 48);
            Vector256.StoreUnsafe(MinNative(MaxNative(c3_0, restLo), restHi), ref o, 72);
            Vector256.StoreUnsafe(MinNative(MaxNative(c4_0, restLo), restHi), ref o, 96);
        }
    }
}
else
{
    Vector128<float> lo = Vector128.Create(0f);
    Vector128<float> hi = Vector128.Create(6f);
    {
        ref float w = ref weights;
        int p = 0;
        {
            Vector128<float> c0_0 = Vector128.LoadUnsafe(ref w), c0_1 = Vector128.LoadUnsafe(ref w, 4), c0_2 = Vector128.LoadUnsafe(ref w, 8), c0_3 = Vector128.LoadUnsafe(ref w, 12);
            Vector128<float> c1_0 = c0_0, c1_1 = c0_1, c1_2 = c0_2, c1_3 = c0_3;
            Vector128<float> c2_0 = c0_0, c2_1 = c0_1, c2_2 = c0_2, c2_3 = c0_3;
            ref float a = ref Unsafe.Add(ref input, p * 8);
            ref float wk = ref Unsafe.Add(ref w, 16);
            for (int k = 0; k < 8; k += 4)
            {
                // Input channels k … k + 3 of each pixel: lane i multiplies channel k + i's weights.
                Vector128<float> x0 = Vector128.LoadUnsafe(ref a), x1 = Vector128.LoadUnsafe(ref a, 8), x2 = Vector128.LoadUnsafe(ref a, 16);
                Vector128<float> w0 = Vector128.LoadUnsafe(ref wk), w1 = Vector128.LoadUnsafe(ref wk, 4), w2 = Vector128.LoadUnsafe(ref wk, 8), w3 = Vector128.LoadUnsafe(ref wk, 12);
                c0_0 = FmaLane(c0_0, w0, x0, 0); c0_1 = FmaLane(c0_1, w1, x0, 0); c0_2 = FmaLane(c0_2, w2, x0, 0); c0_3 = FmaLane(c0_3, w3, x0, 0);
                c1_0 = FmaLane(c1_0, w0, x1, 0); c1_1 = FmaLane(c1_1, w1, x1, 0); c1_2 = FmaLane(c1_2, w2, x1, 0); c1_3 = FmaLane(c1_3, w3, x1, 0);
                c2_0 = FmaLane(c2_0, w0, x2, 0); c2_1 = FmaLane(c2_1, w1, x2, 0); c2_2 = FmaLane(c2_2, w2, x2, 0); c2_3 = FmaLane(c2_3, w3, x2, 0);
                w0 = Vector128.LoadUnsafe(ref wk, 16); w1 = Vector128.LoadUnsafe(ref wk, 20); w2 = Vector128.LoadUnsafe(ref wk, 24); w3 = Vector128.LoadUnsafe(ref wk, 28);
                c0_0 = FmaLane(c0_0, w0, x0, 1); c0_1 = FmaLane(c0_1, w1, x0, 1); c0_2 = FmaLane(c0_2, w2, x0, 1); c0_3 = FmaLane(c0_3, w3, x0, 1);
                c1_0 = FmaLane(c1_0, w0, x1, 1); c1_1 = FmaLane(c1_1, w1, x1, 1); c1_2 = FmaLane(c1_2, w2, x1, 1); c1_3 = FmaLane(c1_3, w3, x1, 1);
                c2_0 = FmaLane(c2_0, w0, x2, 1); c2_1 = FmaLane(c2_1, w1, x2, 1); c2_2 = FmaLane(c2_2, w2, x2, 1); c2_3 = FmaLane(c2_3, w3, x2, 1);
                w0 = Vector128.LoadUnsafe(ref wk, 32); w1 = Vector128.LoadUnsafe(ref wk, 36); w2 = Vector128.LoadUnsafe(ref wk, 40); w3 = Vector128.LoadUnsafe(ref wk, 44);
                c0_0 = FmaLane(c0_0, w0, x0, 2); c0_1 = FmaLane(c0_1, w1, x0, 2); c0_2 = FmaLane(c0_2, w2, x0, 2); c0_3 = FmaLane(c0_3, w3, x0, 2);
                c1_0 = FmaLane(c1_0, w0, x1, 2); c1_1 = FmaLane(c1_1, w1, x1, 2); c1_2 = FmaLane(c1_2, w2, x1, 2); c1_3 = FmaLane(c1_3, w3, x1, 2);
                c2_0 = FmaLane(c2_0, w0, x2, 2); c2_1 = FmaLane(c2_1, w1, x2, 2); c2_2 = FmaLane(c2_2, w2, x2, 2); c2_3 = FmaLane(c2_3, w3, x2, 2);
                w0 = Vector128.LoadUnsafe(ref wk, 48); w1 = Vector128.LoadUnsafe(ref wk, 52); w2 = Vector128.LoadUnsafe(ref wk, 56); w3 = Vector128.LoadUnsafe(ref wk, 60);
                c0_0 = FmaLane(c0_0, w0, x0, 3); c0_1 = FmaLane(c0_1, w1, x0, 3); c0_2 = FmaLane(c0_2, w2, x0, 3); c0_3 = FmaLane(c0_3, w3, x0, 3);
                c1_0 = FmaLane(c1_0, w0, x1, 3); c1_1 = FmaLane(c1_1, w1, x1, 3); c1_2 = FmaLane(c1_2, w2, x1, 3); c1_3 = FmaLane(c1_3, w3, x1, 3);
                c2_0 = FmaLane(c2_0, w0, x2, 3); c2_1 = FmaLane(c2_1, w1, x2, 3); c2_2 = FmaLane(c2_2, w2, x2, 3); c2_3 = FmaLane(c2_3, w3, x2, 3);
                a = ref Unsafe.Add(ref a, 4);
                wk = ref Unsafe.Add(ref wk, 64);
            }
            ref float o = ref Unsafe.Add(ref output, p * 24);
            Vector128.StoreUnsafe(MinNative(MaxNative(c0_0, lo), hi), ref o); Vector128.StoreUnsafe(MinNative(MaxNative(c0_1, lo), hi), ref o, 4); Vector128.StoreUnsafe(MinNative(MaxNative(c0_2, lo), hi), ref o, 8); Vector128.StoreUnsafe(MinNative(MaxNative(c0_3, lo), hi), ref o, 12);
            Vector128.StoreUnsafe(MinNative(MaxNative(c1_0, lo), hi), ref o, 24); Vector128.StoreUnsafe(MinNative(MaxNative(c1_1, lo), hi), ref o, 28); Vector128.StoreUnsafe(MinNative(MaxNative(c1_2, lo), hi), ref o, 32); Vector128.StoreUnsafe(MinNative(MaxNative(c1_3, lo), hi), ref o, 36);
            Vector128.StoreUnsafe(MinNative(MaxNative(c2_0, lo), hi), ref o, 48); Vector128.StoreUnsafe(MinNative(MaxNative(c2_1, lo), hi), ref o, 52); Vector128.StoreUnsafe(MinNative(MaxNative(c2_2, lo), hi), ref o, 56); Vector128.StoreUnsafe(MinNative(MaxNative(c2_3, lo), hi), ref o, 60);
        }
        p += 3;
        {
            Vector128<float> c0_0 = Vector128.LoadUnsafe(ref w), c0_1 = Vector128.LoadUnsafe(ref w, 4), c0_2 = Vector128.LoadUnsafe(ref w, 8), c0_3 = Vector128.LoadUnsafe(ref w, 12);
            Vector128<float> c1_0 = c0_0, c1_1 = c0_1, c1_2 = c0_2, c1_3 = c0_3;
            ref float a = ref Unsafe.Add(ref input, p * 8);
            ref float wk = ref Unsafe.Add(ref w, 16);
            for (int k = 0; k < 8; k += 4)
            {
                // Input channels k … k + 3 of each pixel: lane i multiplies channel k + i's weights.
                Vector128<float> x0 = Vector128.LoadUnsafe(ref a), x1 = Vector128.LoadUnsafe(ref a, 8);
                Vector128<float> w0 = Vector128.LoadUnsafe(ref wk), w1 = Vector128.LoadUnsafe(ref wk, 4), w2 = Vector128.LoadUnsafe(ref wk, 8), w3 = Vector128.LoadUnsafe(ref wk, 12);
                c0_0 = FmaLane(c0_0, w0, x0, 0); c0_1 = FmaLane(c0_1, w1, x0, 0); c0_2 = FmaLane(c0_2, w2, x0, 0); c0_3 = FmaLane(c0_3, w3, x0, 0);
                c1_0 = FmaLane(c1_0, w0, x1, 0); c1_1 = FmaLane(c1_1, w1, x1, 0); c1_2 = FmaLane(c1_2, w2, x1, 0); c1_3 = FmaLane(c1_3, w3, x1, 0);
                w0 = Vector128.LoadUnsafe(ref wk, 16); w1 = Vector128.LoadUnsafe(ref wk, 20); w2 = Vector128.LoadUnsafe(ref wk, 24); w3 = Vector128.LoadUnsafe(ref wk, 28);
                c0_0 = FmaLane(c0_0, w0, x0, 1); c0_1 = FmaLane(c0_1, w1, x0, 1); c0_2 = FmaLane(c0_2, w2, x0, 1); c0_3 = FmaLane(c0_3, w3, x0, 1);
                c1_0 = FmaLane(c1_0, w0, x1, 1); c1_1 = FmaLane(c1_1, w1, x1, 1); c1_2 = FmaLane(c1_2, w2, x1, 1); c1_3 = FmaLane(c1_3, w3, x1, 1);
                w0 = Vector128.LoadUnsafe(ref wk, 32); w1 = Vector128.LoadUnsafe(ref wk, 36); w2 = Vector128.LoadUnsafe(ref wk, 40); w3 = Vector128.LoadUnsafe(ref wk, 44);
                c0_0 = FmaLane(c0_0, w0, x0, 2); c0_1 = FmaLane(c0_1, w1, x0, 2); c0_2 = FmaLane(c0_2, w2, x0, 2); c0_3 = FmaLane(c0_3, w3, x0, 2);
                c1_0 = FmaLane(c1_0, w0, x1, 2); c1_1 = FmaLane(c1_1, w1, x1, 2); c1_2 = FmaLane(c1_2, w2, x1, 2); c1_3 = FmaLane(c1_3, w3, x1, 2);
                w0 = Vector128.LoadUnsafe(ref wk, 48); w1 = Vector128.LoadUnsafe(ref wk, 52); w2 = Vector128.LoadUnsafe(ref wk, 56); w3 = Vector128.LoadUnsafe(ref wk, 60);
                c0_0 = FmaLane(c0_0, w0, x0, 3); c0_1 = FmaLane(c0_1, w1, x0, 3); c0_2 = FmaLane(c0_2, w2, x0, 3); c0_3 = FmaLane(c0_3, w3, x0, 3);
                c1_0 = FmaLane(c1_0, w0, x1, 3); c1_1 = FmaLane(c1_1, w1, x1, 3); c1_2 = FmaLane(c1_2, w2, x1, 3); c1_3 = FmaLane(c1_3, w3, x1, 3);
                a = ref Unsafe.Add(ref a, 4);
                wk = ref Unsafe.Add(ref wk, 64);
            }
            ref float o = ref Unsafe.Add(ref output, p * 24);
            Vector128.StoreUnsafe(MinNative(MaxNative(c0_0, lo), hi), ref o); Vector128.StoreUnsafe(MinNative(MaxNative(c0_1, lo), hi), ref o, 4); Vector128.StoreUnsafe(MinNative(MaxNative(c0_2, lo), hi), ref o, 8); Vector128.StoreUnsafe(MinNative(MaxNative(c0_3, lo), hi), ref o, 12);
            Vector128.StoreUnsafe(MinNative(MaxNative(c1_0, lo), hi), ref o, 24); Vector128.StoreUnsafe(MinNative(MaxNative(c1_1, lo), hi), ref o, 28); Vector128.StoreUnsafe(MinNative(MaxNative(c1_2, lo), hi), ref o, 32); Vector128.StoreUnsafe(MinNative(MaxNative(c1_3, lo), hi), ref o, 36);
        }
    }
    // The last 8 channels, 2 × Vector128.
    Vector128<float> restLo = Vector128.Create(0f);
    Vector128<float> restHi = Vector128.Create(6f);
    {
        ref float w = ref Unsafe.Add(ref weights, 144);
        int p = 0;
        {
            Vector128<float> c0_0 = Vector128.LoadUnsafe(ref w), c0_1 = Vector128.LoadUnsafe(ref w, 4);
            Vector128<float> c1_0 = c0_0, c1_1 = c0_1;
            Vector128<float> c2_0 = c0_0, c2_1 = c0_1;
            ref float a = ref Unsafe.Add(ref input, p * 8);
            ref float wk = ref Unsafe.Add(ref w, 16);
            for (int k = 0; k < 8; k += 4)
            {
                // Input channels k … k + 3 of each pixel: lane i multiplies channel k + i's weights.
                Vector128<float> x0 = Vector128.LoadUnsafe(ref a), x1 = Vector128.LoadUnsafe(ref a, 8), x2 = Vector128.LoadUnsafe(ref a, 16);
                Vector128<float> w0 = Vector128.LoadUnsafe(ref wk), w1 = Vector128.LoadUnsafe(ref wk, 4);
                c0_0 = FmaLane(c0_0, w0, x0, 0); c0_1 = FmaLane(c0_1, w1, x0, 0);
                c1_0 = FmaLane(c1_0, w0, x1, 0); c1_1 = FmaLane(c1_1, w1, x1, 0);
                c2_0 = FmaLane(c2_0, w0, x2, 0); c2_1 = FmaLane(c2_1, w1, x2, 0);
                w0 = Vector128.LoadUnsafe(ref wk, 16); w1 = Vector128.LoadUnsafe(ref wk, 20);
                c0_0 = FmaLane(c0_0, w0, x0, 1); c0_1 = FmaLane(c0_1, w1, x0, 1);
                c1_0 = FmaLane(c1_0, w0, x1, 1); c1_1 = FmaLane(c1_1, w1, x1, 1);
                c2_0 = FmaLane(c2_0, w0, x2, 1); c2_1 = FmaLane(c2_1, w1, x2, 1);
                w0 = Vector128.LoadUnsafe(ref wk, 32); w1 = Vector128.LoadUnsafe(ref wk, 36);
                c0_0 = FmaLane(c0_0, w0, x0, 2); c0_1 = FmaLane(c0_1, w1, x0, 2);
                c1_0 = FmaLane(c1_0, w0, x1, 2); c1_1 = FmaLane(c1_1, w1, x1, 2);
                c2_0 = FmaLane(c2_0, w0, x2, 2); c2_1 = FmaLane(c2_1, w1, x2, 2);
                w0 = Vector128.LoadUnsafe(ref wk, 48); w1 = Vector128.LoadUnsafe(ref wk, 52);
                c0_0 = FmaLane(c0_0, w0, x0, 3); c0_1 = FmaLane(c0_1, w1, x0, 3);
                c1_0 = FmaLane(c1_0, w0, x1, 3); c1_1 = FmaLane(c1_1, w1, x1, 3);
                c2_0 = FmaLane(c2_0, w0, x2, 3); c2_1 = FmaLane(c2_1, w1, x2, 3);
                a = ref Unsafe.Add(ref a, 4);
                wk = ref Unsafe.Add(ref wk, 64);
            }
            ref float o = ref Unsafe.Add(ref output, p * 24 + 16);
            Vector128.StoreUnsafe(MinNative(MaxNative(c0_0, restLo), restHi), ref o); Vector128.StoreUnsafe(MinNative(MaxNative(c0_1, restLo), restHi), ref o, 4);
            Vector128.StoreUnsafe(MinNative(MaxNative(c1_0, restLo), restHi), ref o, 24); Vector128.StoreUnsafe(MinNative(MaxNative(c1_1, restLo), restHi), ref o, 28);
            Vector128.StoreUnsafe(MinNative(MaxNative(c2_0, restLo), restHi), ref o, 48); Vector128.StoreUnsafe(MinNative(MaxNative(c2_1, restLo), restHi), ref o, 52);
        }
        p += 3;
        {
            Vector128<float> c0_0 = Vector128.LoadUnsafe(ref w), c0_1 = Vector128.LoadUnsafe(ref w, 4);
            Vector128<float> c1_0 = c0_0, c1_1 = c0_1;
            ref float a = ref Unsafe.Add(ref input, p * 8);
            ref float wk = ref Unsafe.Add(ref w, 16);
            for (int k = 0; k < 8; k += 4)
            {
                // Input channels k … k + 3 of each pixel: lane i multiplies channel k + i's weights.
                Vector128<float> x0 = Vector128.LoadUnsafe(ref a), x1 = Vector128.LoadUnsafe(ref a, 8);
                Vector128<float> w0 = Vector128.LoadUnsafe(ref wk), w1 = Vector128.LoadUnsafe(ref wk, 4);
                c0_0 = FmaLane(c0_0, w0, x0, 0); c0_1 = FmaLane(c0_1, w1, x0, 0);
                c1_0 = FmaLane(c1_0, w0, x1, 0); c1_1 = FmaLane(c1_1, w1, x1, 0);
                w0 = Vector128.LoadUnsafe(ref wk, 16); w1 = Vector128.LoadUnsafe(ref wk, 20);
                c0_0 = FmaLane(c0_0, w0, x0, 1); c0_1 = FmaLane(c0_1, w1, x0, 1);
                c1_0 = FmaLane(c1_0, w0, x1, 1); c1_1 = FmaLane(c1_1, w1, x1, 1);
                w0 = Vector128.LoadUnsafe(ref wk, 32); w1 = Vector128.LoadUnsafe(ref wk, 36);
                c0_0 = FmaLane(c0_0, w0, x0, 2); c0_1 = FmaLane(c0_1, w1, x0, 2);
                c1_0 = FmaLane(c1_0, w0, x1, 2); c1_1 = FmaLane(c1_1, w1, x1, 2);
                w0 = Vector128.LoadUnsafe(ref wk, 48); w1 = Vector128.LoadUnsafe(ref wk, 52);
                c0_0 = FmaLane(c0_0, w0, x0, 3); c0_1 = FmaLane(c0_1, w1, x0, 3);
                c1_0 = FmaLane(c1_0, w0, x1, 3); c1_1 = FmaLane(c1_1, w1, x1, 3);
                a = ref Unsafe.Add(ref a, 4);
                wk = ref Unsafe.Add(ref wk, 64);
            }
            ref float o = ref Unsafe.Add(ref output, p * 24 + 16);
            Vector128.StoreUnsafe(MinNative(MaxNative(c0_0, restLo), restHi), ref o); Vector128.StoreUnsafe(MinNative(MaxNative(c0_1, restLo), restHi), ref o, 4);
            Vector128.StoreUnsafe(MinNative(MaxNative(c1_0, restLo), restHi), ref o, 24); Vector128.StoreUnsafe(MinNative(MaxNative(c1_1, restLo), restHi), ref o, 28);
        }
    }
}
