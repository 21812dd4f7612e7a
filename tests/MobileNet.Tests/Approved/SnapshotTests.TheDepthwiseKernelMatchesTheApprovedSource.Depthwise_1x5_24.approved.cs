// 5 columns: 1 on the left border, 3 inside, 1 on the right border; channels outside, pixels inside.
const int Group = 16, GroupLength = 160; // the taps' packing: per group of channels, its biases, then each tap's weights
if (Vector512.IsHardwareAccelerated)
{
    {
        ref float taps = ref dwWeights;
        Vector512<float> bias = Vector512.LoadUnsafe(ref taps);
        Vector512<float> lo = Vector512.Create(0f);
        Vector512<float> hi = Vector512.Create(6f);
        Vector512<float> k0 = Vector512.LoadUnsafe(ref taps, 16), k1 = Vector512.LoadUnsafe(ref taps, 32), k2 = Vector512.LoadUnsafe(ref taps, 48), k3 = Vector512.LoadUnsafe(ref taps, 64), k4 = Vector512.LoadUnsafe(ref taps, 80), k5 = Vector512.LoadUnsafe(ref taps, 96), k6 = Vector512.LoadUnsafe(ref taps, 112), k7 = Vector512.LoadUnsafe(ref taps, 128), k8 = Vector512.LoadUnsafe(ref taps, 144);
        // Pixels 0–4 of the row (border pixels without their padding taps), channels 0–15.
        ref float p0 = ref r0;
        ref float p1 = ref r1;
        ref float p2 = ref r2;
        Vector512<float> a0_0 = bias, a0_1 = bias, a0_2 = bias, a0_3 = bias, a0_4 = bias;
        Vector512<float> x = Vector512.LoadUnsafe(ref p0); a0_0 = Fma(a0_0, x, k1); a0_1 = Fma(a0_1, x, k0);
        x = Vector512.LoadUnsafe(ref p0, 24); a0_0 = Fma(a0_0, x, k2); a0_1 = Fma(a0_1, x, k1); a0_2 = Fma(a0_2, x, k0);
        x = Vector512.LoadUnsafe(ref p0, 48); a0_1 = Fma(a0_1, x, k2); a0_2 = Fma(a0_2, x, k1); a0_3 = Fma(a0_3, x, k0);
        x = Vector512.LoadUnsafe(ref p0, 72); a0_2 = Fma(a0_2, x, k2); a0_3 = Fma(a0_3, x, k1); a0_4 = Fma(a0_4, x, k0);
        x = Vector512.LoadUnsafe(ref p0, 96); a0_3 = Fma(a0_3, x, k2); a0_4 = Fma(a0_4, x, k1);
        x = Vector512.LoadUnsafe(ref p1); a0_0 = Fma(a0_0, x, k4); a0_1 = Fma(a0_1, x, k3);
        x = Vector512.LoadUnsafe(ref p1, 24); a0_0 = Fma(a0_0, x, k5); a0_1 = Fma(a0_1, x, k4); a0_2 = Fma(a0_2, x, k3);
        x = Vector512.LoadUnsafe(ref p1, 48); a0_1 = Fma(a0_1, x, k5); a0_2 = Fma(a0_2, x, k4); a0_3 = Fma(a0_3, x, k3);
        x = Vector512.LoadUnsafe(ref p1, 72); a0_2 = Fma(a0_2, x, k5); a0_3 = Fma(a0_3, x, k4); a0_4 = Fma(a0_4, x, k3);
        x = Vector512.LoadUnsafe(ref p1, 96); a0_3 = Fma(a0_3, x, k5); a0_4 = Fma(a0_4, x, k4);
        x = Vector512.LoadUnsafe(ref p2); a0_0 = Fma(a0_0, x, k7); a0_1 = Fma(a0_1, x, k6);
        x = Vector512.LoadUnsafe(ref p2, 24); a0_0 = Fma(a0_0, x, k8); a0_1 = Fma(a0_1, x, k7); a0_2 = Fma(a0_2, x, k6);
        x = Vector512.LoadUnsafe(ref p2, 48); a0_1 = Fma(a0_1, x, k8); a0_2 = Fma(a0_2, x, k7); a0_3 = Fma(a0_3, x, k6);
        x = Vector512.LoadUnsafe(ref p2, 72); a0_2 = Fma(a0_2, x, k8); a0_3 = Fma(a0_3, x, k7); a0_4 = Fma(a0_4, x, k6);
        x = Vector512.LoadUnsafe(ref p2, 96); a0_3 = Fma(a0_3, x, k8); a0_4 = Fma(a0_4, x, k7);
        ref float o = ref d;
        Vector512.StoreUnsafe(MinNative(MaxNative(a0_0, lo), hi), ref o); Vector512.StoreUnsafe(MinNative(MaxNative(a0_1, lo), hi), ref o, 24); Vector512.StoreUnsafe(MinNative(MaxNative(a0_2, lo), hi), ref o, 48); Vector512.StoreUnsafe(MinNative(MaxNative(a0_3, lo), hi), ref o, 72); Vector512.StoreUnsafe(MinNative(MaxNative(a0_4, lo), hi), ref o, 96);
    }
    for (int c = 16; c < 24; c += 4)
    {
        ref float taps = ref Unsafe.Add(ref dwWeights, c / Group * GroupLength + c % Group);
        Vector128<float> bias = Vector128.LoadUnsafe(ref taps);
        Vector128<float> lo = Vector128.Create(0f);
        Vector128<float> hi = Vector128.Create(6f);
        Vector128<float> k0 = Vector128.LoadUnsafe(ref taps, 16), k1 = Vector128.LoadUnsafe(ref taps, 32), k2 = Vector128.LoadUnsafe(ref taps, 48), k3 = Vector128.LoadUnsafe(ref taps, 64), k4 = Vector128.LoadUnsafe(ref taps, 80), k5 = Vector128.LoadUnsafe(ref taps, 96), k6 = Vector128.LoadUnsafe(ref taps, 112), k7 = Vector128.LoadUnsafe(ref taps, 128), k8 = Vector128.LoadUnsafe(ref taps, 144);
        // Pixels 0–4 of the row (border pixels without their padding taps), channels c … c + 3.
        ref float p0 = ref Unsafe.Add(ref r0, c);
        ref float p1 = ref Unsafe.Add(ref r1, c);
        ref float p2 = ref Unsafe.Add(ref r2, c);
        Vector128<float> a0_0 = bias, a0_1 = bias, a0_2 = bias, a0_3 = bias, a0_4 = bias;
        Vector128<float> x = Vector128.LoadUnsafe(ref p0); a0_0 = Fma(a0_0, x, k1); a0_1 = Fma(a0_1, x, k0);
        x = Vector128.LoadUnsafe(ref p0, 24); a0_0 = Fma(a0_0, x, k2); a0_1 = Fma(a0_1, x, k1); a0_2 = Fma(a0_2, x, k0);
        x = Vector128.LoadUnsafe(ref p0, 48); a0_1 = Fma(a0_1, x, k2); a0_2 = Fma(a0_2, x, k1); a0_3 = Fma(a0_3, x, k0);
        x = Vector128.LoadUnsafe(ref p0, 72); a0_2 = Fma(a0_2, x, k2); a0_3 = Fma(a0_3, x, k1); a0_4 = Fma(a0_4, x, k0);
        x = Vector128.LoadUnsafe(ref p0, 96); a0_3 = Fma(a0_3, x, k2); a0_4 = Fma(a0_4, x, k1);
        x = Vector128.LoadUnsafe(ref p1); a0_0 = Fma(a0_0, x, k4); a0_1 = Fma(a0_1, x, k3);
        x = Vector128.LoadUnsafe(ref p1, 24); a0_0 = Fma(a0_0, x, k5); a0_1 = Fma(a0_1, x, k4); a0_2 = Fma(a0_2, x, k3);
        x = Vector128.LoadUnsafe(ref p1, 48); a0_1 = Fma(a0_1, x, k5); a0_2 = Fma(a0_2, x, k4); a0_3 = Fma(a0_3, x, k3);
        x = Vector128.LoadUnsafe(ref p1, 72); a0_2 = Fma(a0_2, x, k5); a0_3 = Fma(a0_3, x, k4); a0_4 = Fma(a0_4, x, k3);
        x = Vector128.LoadUnsafe(ref p1, 96); a0_3 = Fma(a0_3, x, k5); a0_4 = Fma(a0_4, x, k4);
        x = Vector128.LoadUnsafe(ref p2); a0_0 = Fma(a0_0, x, k7); a0_1 = Fma(a0_1, x, k6);
        x = Vector128.LoadUnsafe(ref p2, 24); a0_0 = Fma(a0_0, x, k8); a0_1 = Fma(a0_1, x, k7); a0_2 = Fma(a0_2, x, k6);
        x = Vector128.LoadUnsafe(ref p2, 48); a0_1 = Fma(a0_1, x, k8); a0_2 = Fma(a0_2, x, k7); a0_3 = Fma(a0_3, x, k6);
        x = Vector128.LoadUnsafe(ref p2, 72); a0_2 = Fma(a0_2, x, k8); a0_3 = Fma(a0_3, x, k7); a0_4 = Fma(a0_4, x, k6);
        x = Vector128.LoadUnsafe(ref p2, 96); a0_3 = Fma(a0_3, x, k8); a0_4 = Fma(a0_4, x, k7);
        ref float o = ref Unsafe.Add(ref d, c);
        Vector128.StoreUnsafe(MinNative(MaxNative(a0_0, lo), hi), ref o); Vector128.StoreUnsafe(MinNative(MaxNative(a0_1, lo), hi), ref o, 24); Vector128.StoreUnsafe(MinNative(MaxNative(a0_2, lo), hi), ref o, 48); Vector128.StoreUnsafe(MinNative(MaxNative(a0_3, lo), hi), ref o, 72); Vector128.StoreUnsafe(MinNative(MaxNative(a0_4, lo), hi), ref o, 96);
    }
}
else if (Vector256.IsHardwareAccelerated)
{
    for (int c = 0; c < 24; c += 8)
    {
        ref float taps = ref Unsafe.Add(ref dwWeights, c / Group * GroupLength + c % Group);
        Vector256<float> bias = Vector256.LoadUnsafe(ref taps);
        Vector256<float> lo = Vector256.Create(0f);
        Vector256<float> hi = Vector256.Create(6f);
        Vector256<float> k0 = Vector256.LoadUnsafe(ref taps, 16), k1 = Vector256.LoadUnsafe(ref taps, 32), k2 = Vector256.LoadUnsafe(ref taps, 48), k3 = Vector256.LoadUnsafe(ref taps, 64), k4 = Vector256.LoadUnsafe(ref taps, 80), k5 = Vector256.LoadUnsafe(ref taps, 96), k6 = Vector256.LoadUnsafe(ref taps, 112), k7 = Vector256.LoadUnsafe(ref taps, 128), k8 = Vector256.LoadUnsafe(ref taps, 144);
        // Pixels 0–4 of the row (border pixels without their padding taps), channels c … c + 7.
        ref float p0 = ref Unsafe.Add(ref r0, c);
        ref float p1 = ref Unsafe.Add(ref r1, c);
        ref float p2 = ref Unsafe.Add(ref r2, c);
        Vector256<float> a0_0 = bias, a0_1 = bias, a0_2 = bias, a0_3 = bias, a0_4 = bias;
        Vector256<float> x = Vector256.LoadUnsafe(ref p0); a0_0 = Fma(a0_0, x, k1); a0_1 = Fma(a0_1, x, k0);
        x = Vector256.LoadUnsafe(ref p0, 24); a0_0 = Fma(a0_0, x, k2); a0_1 = Fma(a0_1, x, k1); a0_2 = Fma(a0_2, x, k0);
        x = Vector256.LoadUnsafe(ref p0, 48); a0_1 = Fma(a0_1, x, k2); a0_2 = Fma(a0_2, x, k1); a0_3 = Fma(a0_3, x, k0);
        x = Vector256.LoadUnsafe(ref p0, 72); a0_2 = Fma(a0_2, x, k2); a0_3 = Fma(a0_3, x, k1); a0_4 = Fma(a0_4, x, k0);
        x = Vector256.LoadUnsafe(ref p0, 96); a0_3 = Fma(a0_3, x, k2); a0_4 = Fma(a0_4, x, k1);
        x = Vector256.LoadUnsafe(ref p1); a0_0 = Fma(a0_0, x, k4); a0_1 = Fma(a0_1, x, k3);
        x = Vector256.LoadUnsafe(ref p1, 24); a0_0 = Fma(a0_0, x, k5); a0_1 = Fma(a0_1, x, k4); a0_2 = Fma(a0_2, x, k3);
        x = Vector256.LoadUnsafe(ref p1, 48); a0_1 = Fma(a0_1, x, k5); a0_2 = Fma(a0_2, x, k4); a0_3 = Fma(a0_3, x, k3);
        x = Vector256.LoadUnsafe(ref p1, 72); a0_2 = Fma(a0_2, x, k5); a0_3 = Fma(a0_3, x, k4); a0_4 = Fma(a0_4, x, k3);
        x = Vector256.LoadUnsafe(ref p1, 96); a0_3 = Fma(a0_3, x, k5); a0_4 = Fma(a0_4, x, k4);
        x = Vector256.LoadUnsafe(ref p2); a0_0 = Fma(a0_0, x, k7); a0_1 = Fma(a0_1, x, k6);
        x = Vector256.LoadUnsafe(ref p2, 24); a0_0 = Fma(a0_0, x, k8); a0_1 = Fma(a0_1, x, k7); a0_2 = Fma(a0_2, x, k6);
        x = Vector256.LoadUnsafe(ref p2, 48); a0_1 = Fma(a0_1, x, k8); a0_2 = Fma(a0_2, x, k7); a0_3 = Fma(a0_3, x, k6);
        x = Vector256.LoadUnsafe(ref p2, 72); a0_2 = Fma(a0_2, x, k8); a0_3 = Fma(a0_3, x, k7); a0_4 = Fma(a0_4, x, k6);
        x = Vector256.LoadUnsafe(ref p2, 96); a0_3 = Fma(a0_3, x, k8); a0_4 = Fma(a0_4, x, k7);
        ref float o = ref Unsafe.Add(ref d, c);
        Vector256.StoreUnsafe(MinNative(MaxNative(a0_0, lo), hi), ref o); Vector256.StoreUnsafe(MinNative(MaxNative(a0_1, lo), hi), ref o, 24); Vector256.StoreUnsafe(MinNative(MaxNative(a0_2, lo), hi), ref o, 48); Vector256.StoreUnsafe(MinNative(MaxNative(a0_3, lo), hi), ref o, 72); Vector256.StoreUnsafe(MinNative(MaxNative(a0_4, lo), hi), ref o, 96);
    }
}
else
{
    for (int c = 0; c < 24; c += 4)
    {
        ref float taps = ref Unsafe.Add(ref dwWeights, c / Group * GroupLength + c % Group);
        Vector128<float> bias = Vector128.LoadUnsafe(ref taps);
        Vector128<float> lo = Vector128.Create(0f);
        Vector128<float> hi = Vector128.Create(6f);
        Vector128<float> k0 = Vector128.LoadUnsafe(ref taps, 16), k1 = Vector128.LoadUnsafe(ref taps, 32), k2 = Vector128.LoadUnsafe(ref taps, 48), k3 = Vector128.LoadUnsafe(ref taps, 64), k4 = Vector128.LoadUnsafe(ref taps, 80), k5 = Vector128.LoadUnsafe(ref taps, 96), k6 = Vector128.LoadUnsafe(ref taps, 112), k7 = Vector128.LoadUnsafe(ref taps, 128), k8 = Vector128.LoadUnsafe(ref taps, 144);
        // Pixels 0–4 of the row (border pixels without their padding taps), channels c … c + 3.
        ref float p0 = ref Unsafe.Add(ref r0, c);
        ref float p1 = ref Unsafe.Add(ref r1, c);
        ref float p2 = ref Unsafe.Add(ref r2, c);
        Vector128<float> a0_0 = bias, a0_1 = bias, a0_2 = bias, a0_3 = bias, a0_4 = bias;
        Vector128<float> x = Vector128.LoadUnsafe(ref p0); a0_0 = Fma(a0_0, x, k1); a0_1 = Fma(a0_1, x, k0);
        x = Vector128.LoadUnsafe(ref p0, 24); a0_0 = Fma(a0_0, x, k2); a0_1 = Fma(a0_1, x, k1); a0_2 = Fma(a0_2, x, k0);
        x = Vector128.LoadUnsafe(ref p0, 48); a0_1 = Fma(a0_1, x, k2); a0_2 = Fma(a0_2, x, k1); a0_3 = Fma(a0_3, x, k0);
        x = Vector128.LoadUnsafe(ref p0, 72); a0_2 = Fma(a0_2, x, k2); a0_3 = Fma(a0_3, x, k1); a0_4 = Fma(a0_4, x, k0);
        x = Vector128.LoadUnsafe(ref p0, 96); a0_3 = Fma(a0_3, x, k2); a0_4 = Fma(a0_4, x, k1);
        x = Vector128.LoadUnsafe(ref p1); a0_0 = Fma(a0_0, x, k4); a0_1 = Fma(a0_1, x, k3);
        x = Vector128.LoadUnsafe(ref p1, 24); a0_0 = Fma(a0_0, x, k5); a0_1 = Fma(a0_1, x, k4); a0_2 = Fma(a0_2, x, k3);
        x = Vector128.LoadUnsafe(ref p1, 48); a0_1 = Fma(a0_1, x, k5); a0_2 = Fma(a0_2, x, k4); a0_3 = Fma(a0_3, x, k3);
        x = Vector128.LoadUnsafe(ref p1, 72); a0_2 = Fma(a0_2, x, k5); a0_3 = Fma(a0_3, x, k4); a0_4 = Fma(a0_4, x, k3);
        x = Vector128.LoadUnsafe(ref p1, 96); a0_3 = Fma(a0_3, x, k5); a0_4 = Fma(a0_4, x, k4);
        x = Vector128.LoadUnsafe(ref p2); a0_0 = Fma(a0_0, x, k7); a0_1 = Fma(a0_1, x, k6);
        x = Vector128.LoadUnsafe(ref p2, 24); a0_0 = Fma(a0_0, x, k8); a0_1 = Fma(a0_1, x, k7); a0_2 = Fma(a0_2, x, k6);
        x = Vector128.LoadUnsafe(ref p2, 48); a0_1 = Fma(a0_1, x, k8); a0_2 = Fma(a0_2, x, k7); a0_3 = Fma(a0_3, x, k6);
        x = Vector128.LoadUnsafe(ref p2, 72); a0_2 = Fma(a0_2, x, k8); a0_3 = Fma(a0_3, x, k7); a0_4 = Fma(a0_4, x, k6);
        x = Vector128.LoadUnsafe(ref p2, 96); a0_3 = Fma(a0_3, x, k8); a0_4 = Fma(a0_4, x, k7);
        ref float o = ref Unsafe.Add(ref d, c);
        Vector128.StoreUnsafe(MinNative(MaxNative(a0_0, lo), hi), ref o); Vector128.StoreUnsafe(MinNative(MaxNative(a0_1, lo), hi), ref o, 24); Vector128.StoreUnsafe(MinNative(MaxNative(a0_2, lo), hi), ref o, 48); Vector128.StoreUnsafe(MinNative(MaxNative(a0_3, lo), hi), ref o, 72); Vector128.StoreUnsafe(MinNative(MaxNative(a0_4, lo), hi), ref o, 96);
    }
}
