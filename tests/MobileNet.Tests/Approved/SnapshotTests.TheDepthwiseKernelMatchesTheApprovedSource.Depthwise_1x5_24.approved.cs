// 5 columns: 1 on the left border, 3 inside, 1 on the right border; channels outside, pixels inside.
if (Vector512.IsHardwareAccelerated)
{
    int c = 0;
    {
        ref float taps = ref Unsafe.Add(ref dwWeights, c / 16 * 160 + c % 16);
        Vector512<float> bias = Vector512.LoadUnsafe(ref taps);
        Vector512<float> lo = Vector512.Create(0f);
        Vector512<float> hi = Vector512.Create(6f);
        Vector512<float> k0 = Vector512.LoadUnsafe(ref taps, 16), k1 = Vector512.LoadUnsafe(ref taps, 32), k2 = Vector512.LoadUnsafe(ref taps, 48), k3 = Vector512.LoadUnsafe(ref taps, 64), k4 = Vector512.LoadUnsafe(ref taps, 80), k5 = Vector512.LoadUnsafe(ref taps, 96), k6 = Vector512.LoadUnsafe(ref taps, 112), k7 = Vector512.LoadUnsafe(ref taps, 128), k8 = Vector512.LoadUnsafe(ref taps, 144);
        {
            ref float p0 = ref Unsafe.Add(ref r0, c);
            ref float p1 = ref Unsafe.Add(ref r1, c);
            ref float p2 = ref Unsafe.Add(ref r2, c);
            Vector512<float> a0_0 = bias, a0_1 = bias, a0_2 = bias, a0_3 = bias, a0_4 = bias;
            {
                Vector512<float> x = Vector512.LoadUnsafe(ref p0);
                a0_0 = Vector512.FusedMultiplyAdd(x, k1, a0_0);
                a0_1 = Vector512.FusedMultiplyAdd(x, k0, a0_1);
            }
            {
                Vector512<float> x = Vector512.LoadUnsafe(ref p0, 24);
                a0_0 = Vector512.FusedMultiplyAdd(x, k2, a0_0);
                a0_1 = Vector512.FusedMultiplyAdd(x, k1, a0_1);
                a0_2 = Vector512.FusedMultiplyAdd(x, k0, a0_2);
            }
            {
                Vector512<float> x = Vector512.LoadUnsafe(ref p0, 48);
                a0_1 = Vector512.FusedMultiplyAdd(x, k2, a0_1);
                a0_2 = Vector512.FusedMultiplyAdd(x, k1, a0_2);
                a0_3 = Vector512.FusedMultiplyAdd(x, k0, a0_3);
            }
            {
                Vector512<float> x = Vector512.LoadUnsafe(ref p0, 72);
                a0_2 = Vector512.FusedMultiplyAdd(x, k2, a0_2);
                a0_3 = Vector512.FusedMultiplyAdd(x, k1, a0_3);
                a0_4 = Vector512.FusedMultiplyAdd(x, k0, a0_4);
            }
            {
                Vector512<float> x = Vector512.LoadUnsafe(ref p0, 96);
                a0_3 = Vector512.FusedMultiplyAdd(x, k2, a0_3);
                a0_4 = Vector512.FusedMultiplyAdd(x, k1, a0_4);
            }
            {
                Vector512<float> x = Vector512.LoadUnsafe(ref p1);
                a0_0 = Vector512.FusedMultiplyAdd(x, k4, a0_0);
                a0_1 = Vector512.FusedMultiplyAdd(x, k3, a0_1);
            }
            {
                Vector512<float> x = Vector512.LoadUnsafe(ref p1, 24);
                a0_0 = Vector512.FusedMultiplyAdd(x, k5, a0_0);
                a0_1 = Vector512.FusedMultiplyAdd(x, k4, a0_1);
                a0_2 = Vector512.FusedMultiplyAdd(x, k3, a0_2);
            }
            {
                Vector512<float> x = Vector512.LoadUnsafe(ref p1, 48);
                a0_1 = Vector512.FusedMultiplyAdd(x, k5, a0_1);
                a0_2 = Vector512.FusedMultiplyAdd(x, k4, a0_2);
                a0_3 = Vector512.FusedMultiplyAdd(x, k3, a0_3);
            }
            {
                Vector512<float> x = Vector512.LoadUnsafe(ref p1, 72);
                a0_2 = Vector512.FusedMultiplyAdd(x, k5, a0_2);
                a0_3 = Vector512.FusedMultiplyAdd(x, k4, a0_3);
                a0_4 = Vector512.FusedMultiplyAdd(x, k3, a0_4);
            }
            {
                Vector512<float> x = Vector512.LoadUnsafe(ref p1, 96);
                a0_3 = Vector512.FusedMultiplyAdd(x, k5, a0_3);
                a0_4 = Vector512.FusedMultiplyAdd(x, k4, a0_4);
            }
            {
                Vector512<float> x = Vector512.LoadUnsafe(ref p2);
                a0_0 = Vector512.FusedMultiplyAdd(x, k7, a0_0);
                a0_1 = Vector512.FusedMultiplyAdd(x, k6, a0_1);
            }
            {
                Vector512<float> x = Vector512.LoadUnsafe(ref p2, 24);
                a0_0 = Vector512.FusedMultiplyAdd(x, k8, a0_0);
                a0_1 = Vector512.FusedMultiplyAdd(x, k7, a0_1);
                a0_2 = Vector512.FusedMultiplyAdd(x, k6, a0_2);
            }
            {
                Vector512<float> x = Vector512.LoadUnsafe(ref p2, 48);
                a0_1 = Vector512.FusedMultiplyAdd(x, k8, a0_1);
                a0_2 = Vector512.FusedMultiplyAdd(x, k7, a0_2);
                a0_3 = Vector512.FusedMultiplyAdd(x, k6, a0_3);
            }
            {
                Vector512<float> x = Vector512.LoadUnsafe(ref p2, 72);
                a0_2 = Vector512.FusedMultiplyAdd(x, k8, a0_2);
                a0_3 = Vector512.FusedMultiplyAdd(x, k7, a0_3);
                a0_4 = Vector512.FusedMultiplyAdd(x, k6, a0_4);
            }
            {
                Vector512<float> x = Vector512.LoadUnsafe(ref p2, 96);
                a0_3 = Vector512.FusedMultiplyAdd(x, k8, a0_3);
                a0_4 = Vector512.FusedMultiplyAdd(x, k7, a0_4);
            }
            ref float o = ref Unsafe.Add(ref d, c);
            Vector512.StoreUnsafe(Vector512.MinNative(Vector512.MaxNative(a0_0, lo), hi), ref o, 0);
            Vector512.StoreUnsafe(Vector512.MinNative(Vector512.MaxNative(a0_1, lo), hi), ref o, 24);
            Vector512.StoreUnsafe(Vector512.MinNative(Vector512.MaxNative(a0_2, lo), hi), ref o, 48);
            Vector512.StoreUnsafe(Vector512.MinNative(Vector512.MaxNative(a0_3, lo), hi), ref o, 72);
            Vector512.StoreUnsafe(Vector512.MinNative(Vector512.MaxNative(a0_4, lo), hi), ref o, 96);
        }
    }
    c += 16;
    for (; c + 4 <= 24; c += 4)
    {
        ref float taps = ref Unsafe.Add(ref dwWeights, c / 16 * 160 + c % 16);
        Vector128<float> bias = Vector128.LoadUnsafe(ref taps);
        Vector128<float> lo = Vector128.Create(0f);
        Vector128<float> hi = Vector128.Create(6f);
        Vector128<float> k0 = Vector128.LoadUnsafe(ref taps, 16), k1 = Vector128.LoadUnsafe(ref taps, 32), k2 = Vector128.LoadUnsafe(ref taps, 48), k3 = Vector128.LoadUnsafe(ref taps, 64), k4 = Vector128.LoadUnsafe(ref taps, 80), k5 = Vector128.LoadUnsafe(ref taps, 96), k6 = Vector128.LoadUnsafe(ref taps, 112), k7 = Vector128.LoadUnsafe(ref taps, 128), k8 = Vector128.LoadUnsafe(ref taps, 144);
        {
            ref float p0 = ref Unsafe.Add(ref r0, c);
            ref float p1 = ref Unsafe.Add(ref r1, c);
            ref float p2 = ref Unsafe.Add(ref r2, c);
            Vector128<float> a0_0 = bias, a0_1 = bias, a0_2 = bias, a0_3 = bias, a0_4 = bias;
            {
                Vector128<float> x = Vector128.LoadUnsafe(ref p0);
                a0_0 = Vector128.FusedMultiplyAdd(x, k1, a0_0);
                a0_1 = Vector128.FusedMultiplyAdd(x, k0, a0_1);
            }
            {
                Vector128<float> x = Vector128.LoadUnsafe(ref p0, 24);
                a0_0 = Vector128.FusedMultiplyAdd(x, k2, a0_0);
                a0_1 = Vector128.FusedMultiplyAdd(x, k1, a0_1);
                a0_2 = Vector128.FusedMultiplyAdd(x, k0, a0_2);
            }
            {
                Vector128<float> x = Vector128.LoadUnsafe(ref p0, 48);
                a0_1 = Vector128.FusedMultiplyAdd(x, k2, a0_1);
                a0_2 = Vector128.FusedMultiplyAdd(x, k1, a0_2);
                a0_3 = Vector128.FusedMultiplyAdd(x, k0, a0_3);
            }
            {
                Vector128<float> x = Vector128.LoadUnsafe(ref p0, 72);
                a0_2 = Vector128.FusedMultiplyAdd(x, k2, a0_2);
                a0_3 = Vector128.FusedMultiplyAdd(x, k1, a0_3);
                a0_4 = Vector128.FusedMultiplyAdd(x, k0, a0_4);
            }
            {
                Vector128<float> x = Vector128.LoadUnsafe(ref p0, 96);
                a0_3 = Vector128.FusedMultiplyAdd(x, k2, a0_3);
                a0_4 = Vector128.FusedMultiplyAdd(x, k1, a0_4);
            }
            {
                Vector128<float> x = Vector128.LoadUnsafe(ref p1);
                a0_0 = Vector128.FusedMultiplyAdd(x, k4, a0_0);
                a0_1 = Vector128.FusedMultiplyAdd(x, k3, a0_1);
            }
            {
                Vector128<float> x = Vector128.LoadUnsafe(ref p1, 24);
                a0_0 = Vector128.FusedMultiplyAdd(x, k5, a0_0);
                a0_1 = Vector128.FusedMultiplyAdd(x, k4, a0_1);
                a0_2 = Vector128.FusedMultiplyAdd(x, k3, a0_2);
            }
            {
                Vector128<float> x = Vector128.LoadUnsafe(ref p1, 48);
                a0_1 = Vector128.FusedMultiplyAdd(x, k5, a0_1);
                a0_2 = Vector128.FusedMultiplyAdd(x, k4, a0_2);
                a0_3 = Vector128.FusedMultiplyAdd(x, k3, a0_3);
            }
            {
                Vector128<float> x = Vector128.LoadUnsafe(ref p1, 72);
                a0_2 = Vector128.FusedMultiplyAdd(x, k5, a0_2);
                a0_3 = Vector128.FusedMultiplyAdd(x, k4, a0_3);
                a0_4 = Vector128.FusedMultiplyAdd(x, k3, a0_4);
            }
            {
                Vector128<float> x = Vector128.LoadUnsafe(ref p1, 96);
                a0_3 = Vector128.FusedMultiplyAdd(x, k5, a0_3);
                a0_4 = Vector128.FusedMultiplyAdd(x, k4, a0_4);
            }
            {
                Vector128<float> x = Vector128.LoadUnsafe(ref p2);
                a0_0 = Vector128.FusedMultiplyAdd(x, k7, a0_0);
                a0_1 = Vector128.FusedMultiplyAdd(x, k6, a0_1);
            }
            {
                Vector128<float> x = Vector128.LoadUnsafe(ref p2, 24);
                a0_0 = Vector128.FusedMultiplyAdd(x, k8, a0_0);
                a0_1 = Vector128.FusedMultiplyAdd(x, k7, a0_1);
                a0_2 = Vector128.FusedMultiplyAdd(x, k6, a0_2);
            }
            {
                Vector128<float> x = Vector128.LoadUnsafe(ref p2, 48);
                a0_1 = Vector128.FusedMultiplyAdd(x, k8, a0_1);
                a0_2 = Vector128.FusedMultiplyAdd(x, k7, a0_2);
                a0_3 = Vector128.FusedMultiplyAdd(x, k6, a0_3);
            }
            {
                Vector128<float> x = Vector128.LoadUnsafe(ref p2, 72);
                a0_2 = Vector128.FusedMultiplyAdd(x, k8, a0_2);
                a0_3 = Vector128.FusedMultiplyAdd(x, k7, a0_3);
                a0_4 = Vector128.FusedMultiplyAdd(x, k6, a0_4);
            }
            {
                Vector128<float> x = Vector128.LoadUnsafe(ref p2, 96);
                a0_3 = Vector128.FusedMultiplyAdd(x, k8, a0_3);
                a0_4 = Vector128.FusedMultiplyAdd(x, k7, a0_4);
            }
            ref float o = ref Unsafe.Add(ref d, c);
            Vector128.StoreUnsafe(Vector128.MinNative(Vector128.MaxNative(a0_0, lo), hi), ref o, 0);
            Vector128.StoreUnsafe(Vector128.MinNative(Vector128.MaxNative(a0_1, lo), hi), ref o, 24);
            Vector128.StoreUnsafe(Vector128.MinNative(Vector128.MaxNative(a0_2, lo), hi), ref o, 48);
            Vector128.StoreUnsafe(Vector128.MinNative(Vector128.MaxNative(a0_3, lo), hi), ref o, 72);
            Vector128.StoreUnsafe(Vector128.MinNative(Vector128.MaxNative(a0_4, lo), hi), ref o, 96);
        }
    }
}
else if (Vector256.IsHardwareAccelerated)
{
    int c = 0;
    for (; c + 8 <= 24; c += 8)
    {
        ref float taps = ref Unsafe.Add(ref dwWeights, c / 16 * 160 + c % 16);
        Vector256<float> bias = Vector256.LoadUnsafe(ref taps);
        Vector256<float> lo = Vector256.Create(0f);
        Vector256<float> hi = Vector256.Create(6f);
        Vector256<float> k0 = Vector256.LoadUnsafe(ref taps, 16), k1 = Vector256.LoadUnsafe(ref taps, 32), k2 = Vector256.LoadUnsafe(ref taps, 48), k3 = Vector256.LoadUnsafe(ref taps, 64), k4 = Vector256.LoadUnsafe(ref taps, 80), k5 = Vector256.LoadUnsafe(ref taps, 96), k6 = Vector256.LoadUnsafe(ref taps, 112), k7 = Vector256.LoadUnsafe(ref taps, 128), k8 = Vector256.LoadUnsafe(ref taps, 144);
        {
            ref float p0 = ref Unsafe.Add(ref r0, c);
            ref float p1 = ref Unsafe.Add(ref r1, c);
            ref float p2 = ref Unsafe.Add(ref r2, c);
            Vector256<float> a0_0 = bias, a0_1 = bias, a0_2 = bias, a0_3 = bias, a0_4 = bias;
            {
                Vector256<float> x = Vector256.LoadUnsafe(ref p0);
                a0_0 = Vector256.FusedMultiplyAdd(x, k1, a0_0);
                a0_1 = Vector256.FusedMultiplyAdd(x, k0, a0_1);
            }
            {
                Vector256<float> x = Vector256.LoadUnsafe(ref p0, 24);
                a0_0 = Vector256.FusedMultiplyAdd(x, k2, a0_0);
                a0_1 = Vector256.FusedMultiplyAdd(x, k1, a0_1);
                a0_2 = Vector256.FusedMultiplyAdd(x, k0, a0_2);
            }
            {
                Vector256<float> x = Vector256.LoadUnsafe(ref p0, 48);
                a0_1 = Vector256.FusedMultiplyAdd(x, k2, a0_1);
                a0_2 = Vector256.FusedMultiplyAdd(x, k1, a0_2);
                a0_3 = Vector256.FusedMultiplyAdd(x, k0, a0_3);
            }
            {
                Vector256<float> x = Vector256.LoadUnsafe(ref p0, 72);
                a0_2 = Vector256.FusedMultiplyAdd(x, k2, a0_2);
                a0_3 = Vector256.FusedMultiplyAdd(x, k1, a0_3);
                a0_4 = Vector256.FusedMultiplyAdd(x, k0, a0_4);
            }
            {
                Vector256<float> x = Vector256.LoadUnsafe(ref p0, 96);
                a0_3 = Vector256.FusedMultiplyAdd(x, k2, a0_3);
                a0_4 = Vector256.FusedMultiplyAdd(x, k1, a0_4);
            }
            {
                Vector256<float> x = Vector256.LoadUnsafe(ref p1);
                a0_0 = Vector256.FusedMultiplyAdd(x, k4, a0_0);
                a0_1 = Vector256.FusedMultiplyAdd(x, k3, a0_1);
            }
            {
                Vector256<float> x = Vector256.LoadUnsafe(ref p1, 24);
                a0_0 = Vector256.FusedMultiplyAdd(x, k5, a0_0);
                a0_1 = Vector256.FusedMultiplyAdd(x, k4, a0_1);
                a0_2 = Vector256.FusedMultiplyAdd(x, k3, a0_2);
            }
            {
                Vector256<float> x = Vector256.LoadUnsafe(ref p1, 48);
                a0_1 = Vector256.FusedMultiplyAdd(x, k5, a0_1);
                a0_2 = Vector256.FusedMultiplyAdd(x, k4, a0_2);
                a0_3 = Vector256.FusedMultiplyAdd(x, k3, a0_3);
            }
            {
                Vector256<float> x = Vector256.LoadUnsafe(ref p1, 72);
                a0_2 = Vector256.FusedMultiplyAdd(x, k5, a0_2);
                a0_3 = Vector256.FusedMultiplyAdd(x, k4, a0_3);
                a0_4 = Vector256.FusedMultiplyAdd(x, k3, a0_4);
            }
            {
                Vector256<float> x = Vector256.LoadUnsafe(ref p1, 96);
                a0_3 = Vector256.FusedMultiplyAdd(x, k5, a0_3);
                a0_4 = Vector256.FusedMultiplyAdd(x, k4, a0_4);
            }
            {
                Vector256<float> x = Vector256.LoadUnsafe(ref p2);
                a0_0 = Vector256.FusedMultiplyAdd(x, k7, a0_0);
                a0_1 = Vector256.FusedMultiplyAdd(x, k6, a0_1);
            }
            {
                Vector256<float> x = Vector256.LoadUnsafe(ref p2, 24);
                a0_0 = Vector256.FusedMultiplyAdd(x, k8, a0_0);
                a0_1 = Vector256.FusedMultiplyAdd(x, k7, a0_1);
                a0_2 = Vector256.FusedMultiplyAdd(x, k6, a0_2);
            }
            {
                Vector256<float> x = Vector256.LoadUnsafe(ref p2, 48);
                a0_1 = Vector256.FusedMultiplyAdd(x, k8, a0_1);
                a0_2 = Vector256.FusedMultiplyAdd(x, k7, a0_2);
                a0_3 = Vector256.FusedMultiplyAdd(x, k6, a0_3);
            }
            {
                Vector256<float> x = Vector256.LoadUnsafe(ref p2, 72);
                a0_2 = Vector256.FusedMultiplyAdd(x, k8, a0_2);
                a0_3 = Vector256.FusedMultiplyAdd(x, k7, a0_3);
                a0_4 = Vector256.FusedMultiplyAdd(x, k6, a0_4);
            }
            {
                Vector256<float> x = Vector256.LoadUnsafe(ref p2, 96);
                a0_3 = Vector256.FusedMultiplyAdd(x, k8, a0_3);
                a0_4 = Vector256.FusedMultiplyAdd(x, k7, a0_4);
            }
            ref float o = ref Unsafe.Add(ref d, c);
            Vector256.StoreUnsafe(Vector256.MinNative(Vector256.MaxNative(a0_0, lo), hi), ref o, 0);
            Vector256.StoreUnsafe(Vector256.MinNative(Vector256.MaxNative(a0_1, lo), hi), ref o, 24);
            Vector256.StoreUnsafe(Vector256.MinNative(Vector256.MaxNative(a0_2, lo), hi), ref o, 48);
            Vector256.StoreUnsafe(Vector256.MinNative(Vector256.MaxNative(a0_3, lo), hi), ref o, 72);
            Vector256.StoreUnsafe(Vector256.MinNative(Vector256.MaxNative(a0_4, lo), hi), ref o, 96);
        }
    }
}
else
{
    int c = 0;
    for (; c + 4 <= 24; c += 4)
    {
        ref float taps = ref Unsafe.Add(ref dwWeights, c / 16 * 160 + c % 16);
        Vector128<float> bias = Vector128.LoadUnsafe(ref taps);
        Vector128<float> lo = Vector128.Create(0f);
        Vector128<float> hi = Vector128.Create(6f);
        Vector128<float> k0 = Vector128.LoadUnsafe(ref taps, 16), k1 = Vector128.LoadUnsafe(ref taps, 32), k2 = Vector128.LoadUnsafe(ref taps, 48), k3 = Vector128.LoadUnsafe(ref taps, 64), k4 = Vector128.LoadUnsafe(ref taps, 80), k5 = Vector128.LoadUnsafe(ref taps, 96), k6 = Vector128.LoadUnsafe(ref taps, 112), k7 = Vector128.LoadUnsafe(ref taps, 128), k8 = Vector128.LoadUnsafe(ref taps, 144);
        {
            ref float p0 = ref Unsafe.Add(ref r0, c);
            ref float p1 = ref Unsafe.Add(ref r1, c);
            ref float p2 = ref Unsafe.Add(ref r2, c);
            Vector128<float> a0_0 = bias, a0_1 = bias, a0_2 = bias, a0_3 = bias, a0_4 = bias;
            {
                Vector128<float> x = Vector128.LoadUnsafe(ref p0);
                a0_0 = Vector128.FusedMultiplyAdd(x, k1, a0_0);
                a0_1 = Vector128.FusedMultiplyAdd(x, k0, a0_1);
            }
            {
                Vector128<float> x = Vector128.LoadUnsafe(ref p0, 24);
                a0_0 = Vector128.FusedMultiplyAdd(x, k2, a0_0);
                a0_1 = Vector128.FusedMultiplyAdd(x, k1, a0_1);
                a0_2 = Vector128.FusedMultiplyAdd(x, k0, a0_2);
            }
            {
                Vector128<float> x = Vector128.LoadUnsafe(ref p0, 48);
                a0_1 = Vector128.FusedMultiplyAdd(x, k2, a0_1);
                a0_2 = Vector128.FusedMultiplyAdd(x, k1, a0_2);
                a0_3 = Vector128.FusedMultiplyAdd(x, k0, a0_3);
            }
            {
                Vector128<float> x = Vector128.LoadUnsafe(ref p0, 72);
                a0_2 = Vector128.FusedMultiplyAdd(x, k2, a0_2);
                a0_3 = Vector128.FusedMultiplyAdd(x, k1, a0_3);
                a0_4 = Vector128.FusedMultiplyAdd(x, k0, a0_4);
            }
            {
                Vector128<float> x = Vector128.LoadUnsafe(ref p0, 96);
                a0_3 = Vector128.FusedMultiplyAdd(x, k2, a0_3);
                a0_4 = Vector128.FusedMultiplyAdd(x, k1, a0_4);
            }
            {
                Vector128<float> x = Vector128.LoadUnsafe(ref p1);
                a0_0 = Vector128.FusedMultiplyAdd(x, k4, a0_0);
                a0_1 = Vector128.FusedMultiplyAdd(x, k3, a0_1);
            }
            {
                Vector128<float> x = Vector128.LoadUnsafe(ref p1, 24);
                a0_0 = Vector128.FusedMultiplyAdd(x, k5, a0_0);
                a0_1 = Vector128.FusedMultiplyAdd(x, k4, a0_1);
                a0_2 = Vector128.FusedMultiplyAdd(x, k3, a0_2);
            }
            {
                Vector128<float> x = Vector128.LoadUnsafe(ref p1, 48);
                a0_1 = Vector128.FusedMultiplyAdd(x, k5, a0_1);
                a0_2 = Vector128.FusedMultiplyAdd(x, k4, a0_2);
                a0_3 = Vector128.FusedMultiplyAdd(x, k3, a0_3);
            }
            {
                Vector128<float> x = Vector128.LoadUnsafe(ref p1, 72);
                a0_2 = Vector128.FusedMultiplyAdd(x, k5, a0_2);
                a0_3 = Vector128.FusedMultiplyAdd(x, k4, a0_3);
                a0_4 = Vector128.FusedMultiplyAdd(x, k3, a0_4);
            }
            {
                Vector128<float> x = Vector128.LoadUnsafe(ref p1, 96);
                a0_3 = Vector128.FusedMultiplyAdd(x, k5, a0_3);
                a0_4 = Vector128.FusedMultiplyAdd(x, k4, a0_4);
            }
            {
                Vector128<float> x = Vector128.LoadUnsafe(ref p2);
                a0_0 = Vector128.FusedMultiplyAdd(x, k7, a0_0);
                a0_1 = Vector128.FusedMultiplyAdd(x, k6, a0_1);
            }
            {
                Vector128<float> x = Vector128.LoadUnsafe(ref p2, 24);
                a0_0 = Vector128.FusedMultiplyAdd(x, k8, a0_0);
                a0_1 = Vector128.FusedMultiplyAdd(x, k7, a0_1);
                a0_2 = Vector128.FusedMultiplyAdd(x, k6, a0_2);
            }
            {
                Vector128<float> x = Vector128.LoadUnsafe(ref p2, 48);
                a0_1 = Vector128.FusedMultiplyAdd(x, k8, a0_1);
                a0_2 = Vector128.FusedMultiplyAdd(x, k7, a0_2);
                a0_3 = Vector128.FusedMultiplyAdd(x, k6, a0_3);
            }
            {
                Vector128<float> x = Vector128.LoadUnsafe(ref p2, 72);
                a0_2 = Vector128.FusedMultiplyAdd(x, k8, a0_2);
                a0_3 = Vector128.FusedMultiplyAdd(x, k7, a0_3);
                a0_4 = Vector128.FusedMultiplyAdd(x, k6, a0_4);
            }
            {
                Vector128<float> x = Vector128.LoadUnsafe(ref p2, 96);
                a0_3 = Vector128.FusedMultiplyAdd(x, k8, a0_3);
                a0_4 = Vector128.FusedMultiplyAdd(x, k7, a0_4);
            }
            ref float o = ref Unsafe.Add(ref d, c);
            Vector128.StoreUnsafe(Vector128.MinNative(Vector128.MaxNative(a0_0, lo), hi), ref o, 0);
            Vector128.StoreUnsafe(Vector128.MinNative(Vector128.MaxNative(a0_1, lo), hi), ref o, 24);
            Vector128.StoreUnsafe(Vector128.MinNative(Vector128.MaxNative(a0_2, lo), hi), ref o, 48);
            Vector128.StoreUnsafe(Vector128.MinNative(Vector128.MaxNative(a0_3, lo), hi), ref o, 72);
            Vector128.StoreUnsafe(Vector128.MinNative(Vector128.MaxNative(a0_4, lo), hi), ref o, 96);
        }
    }
}
