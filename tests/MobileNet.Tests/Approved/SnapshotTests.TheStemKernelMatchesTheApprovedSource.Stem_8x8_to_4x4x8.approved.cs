const int InH = 8, InW = 8, InC = 3, OutW = 4, OutC = 8;
const int KernelH = 3, KernelW = 3, Stride = 2, PadTop = 0;
ref float w = ref MobileNetWeights.Stem.Floats;
ref float zero = ref scratch; // the zero padding above and below the image
MemoryMarshal.CreateSpan(ref zero, InW * InC).Clear();
for (int oy = 0; oy < 4; oy++)
{
    int iy0 = oy * Stride - PadTop;
    ref float row = ref Unsafe.Add(ref output, oy * OutW * OutC);
    // Columns 0 to 2 in tiles; 0 column(s) on the left border and 1 on the right one pixel at a time.
    if (Vector256.IsHardwareAccelerated)
    {
        Vector256<float> lo = Vector256.Create(0f);
        Vector256<float> hi = Vector256.Create(6f);
        for (int ox = 0; ox < 3; ox += 3)
        {
            Vector256<float> c0_0 = Vector256.LoadUnsafe(ref w);
            Vector256<float> c1_0 = Vector256.LoadUnsafe(ref w);
            Vector256<float> c2_0 = Vector256.LoadUnsafe(ref w);
            for (int ky = 0; ky < KernelH; ky++)
            {
                int iy = iy0 + ky;
                ref float source = ref (uint)iy < InH ? ref Unsafe.Add(ref input, iy * InW * InC) : ref zero;
                ref float line = ref Unsafe.Add(ref source, ox * Stride * InC);
                ref float t = ref Unsafe.Add(ref w, OutC * (1 + ky * KernelW * InC));
                Vector256<float> x = Vector256.Create(line);
                c0_0 = Fma(c0_0, x, Vector256.LoadUnsafe(ref t));
                x = Vector256.Create(Unsafe.Add(ref line, 1));
                c0_0 = Fma(c0_0, x, Vector256.LoadUnsafe(ref t, 8));
                x = Vector256.Create(Unsafe.Add(ref line, 2));
                c0_0 = Fma(c0_0, x, Vector256.LoadUnsafe(ref t, 16));
                x = Vector256.Create(Unsafe.Add(ref line, 3));
                c0_0 = Fma(c0_0, x, Vector256.LoadUnsafe(ref t, 24));
                x = Vector256.Create(Unsafe.Add(ref line, 4));
                c0_0 = Fma(c0_0, x, Vector256.LoadUnsafe(ref t, 32));
                x = Vector256.Create(Unsafe.Add(ref line, 5));
                c0_0 = Fma(c0_0, x, Vector256.LoadUnsafe(ref t, 40));
                x = Vector256.Create(Unsafe.Add(ref line, 6));
                c0_0 = Fma(c0_0, x, Vector256.LoadUnsafe(ref t, 48));
                c1_0 = Fma(c1_0, x, Vector256.LoadUnsafe(ref t));
                x = Vector256.Create(Unsafe.Add(ref line, 7));
                c0_0 = Fma(c0_0, x, Vector256.LoadUnsafe(ref t, 56));
                c1_0 = Fma(c1_0, x, Vector256.LoadUnsafe(ref t, 8));
                x = Vector256.Create(Unsafe.Add(ref line, 8));
                c0_0 = Fma(c0_0, x, Vector256.LoadUnsafe(ref t, 64));
                c1_0 = Fma(c1_0, x, Vector256.LoadUnsafe(ref t, 16));
                x = Vector256.Create(Unsafe.Add(ref line, 9));
                c1_0 = Fma(c1_0, x, Vector256.LoadUnsafe(ref t, 24));
                x = Vector256.Create(Unsafe.Add(ref line, 10));
                c1_0 = Fma(c1_0, x, Vector256.LoadUnsafe(ref t, 32));
                x = Vector256.Create(Unsafe.Add(ref line, 11));
                c1_0 = Fma(c1_0, x, Vector256.LoadUnsafe(ref t, 40));
                x = Vector256.Create(Unsafe.Add(ref line, 12));
                c1_0 = Fma(c1_0, x, Vector256.LoadUnsafe(ref t, 48));
                c2_0 = Fma(c2_0, x, Vector256.LoadUnsafe(ref t));
                x = Vector256.Create(Unsafe.Add(ref line, 13));
                c1_0 = Fma(c1_0, x, Vector256.LoadUnsafe(ref t, 56));
                c2_0 = Fma(c2_0, x, Vector256.LoadUnsafe(ref t, 8));
                x = Vector256.Create(Unsafe.Add(ref line, 14));
                c1_0 = Fma(c1_0, x, Vector256.LoadUnsafe(ref t, 64));
                c2_0 = Fma(c2_0, x, Vector256.LoadUnsafe(ref t, 16));
                x = Vector256.Create(Unsafe.Add(ref line, 15));
                c2_0 = Fma(c2_0, x, Vector256.LoadUnsafe(ref t, 24));
                x = Vector256.Create(Unsafe.Add(ref line, 16));
                c2_0 = Fma(c2_0, x, Vector256.LoadUnsafe(ref t, 32));
                x = Vector256.Create(Unsafe.Add(ref line, 17));
                c2_0 = Fma(c2_0, x, Vector256.LoadUnsafe(ref t, 40));
                x = Vector256.Create(Unsafe.Add(ref line, 18));
                c2_0 = Fma(c2_0, x, Vector256.LoadUnsafe(ref t, 48));
                x = Vector256.Create(Unsafe.Add(ref line, 19));
                c2_0 = Fma(c2_0, x, Vector256.LoadUnsafe(ref t, 56));
                x = Vector256.Create(Unsafe.Add(ref line, 20));
                c2_0 = Fma(c2_0, x, Vector256.LoadUnsafe(ref t, 64));
            }
            ref float o = ref Unsafe.Add(ref row, ox * OutC);
            Vector256.StoreUnsafe(MinNative(MaxNative(c0_0, lo), hi), ref o);
            Vector256.StoreUnsafe(MinNative(MaxNative(c1_0, lo), hi), ref o, 8);
            Vector256.StoreUnsafe(MinNative(MaxNative(c2_0, lo), hi), ref o, 16);
        }
        {
            const int ox = 3;
            Vector256<float> c0_0 = Vector256.LoadUnsafe(ref w);
            for (int ky = 0; ky < KernelH; ky++)
            {
                int iy = iy0 + ky;
                ref float source = ref (uint)iy < InH ? ref Unsafe.Add(ref input, iy * InW * InC) : ref zero;
                ref float line = ref Unsafe.Add(ref source, ox * Stride * InC);
                ref float t = ref Unsafe.Add(ref w, OutC * (1 + ky * KernelW * InC));
                Vector256<float> x = Vector256.Create(line);
                c0_0 = Fma(c0_0, x, Vector256.LoadUnsafe(ref t));
                x = Vector256.Create(Unsafe.Add(ref line, 1));
                c0_0 = Fma(c0_0, x, Vector256.LoadUnsafe(ref t, 8));
                x = Vector256.Create(Unsafe.Add(ref line, 2));
                c0_0 = Fma(c0_0, x, Vector256.LoadUnsafe(ref t, 16));
                x = Vector256.Create(Unsafe.Add(ref line, 3));
                c0_0 = Fma(c0_0, x, Vector256.LoadUnsafe(ref t, 24));
                x = Vector256.Create(Unsafe.Add(ref line, 4));
                c0_0 = Fma(c0_0, x, Vector256.LoadUnsafe(ref t, 32));
                x = Vector256.Create(Unsafe.Add(ref line, 5));
                c0_0 = Fma(c0_0, x, Vector256.LoadUnsafe(ref t, 40));
            }
            ref float o = ref Unsafe.Add(ref row, ox * OutC);
            Vector256.StoreUnsafe(MinNative(MaxNative(c0_0, lo), hi), ref o);
        }
    }
    else
    {
        Vector128<float> lo = Vector128.Create(0f);
        Vector128<float> hi = Vector128.Create(6f);
        for (int ox = 0; ox < 3; ox += 3)
        {
            Vector128<float> c0_0 = Vector128.LoadUnsafe(ref w), c0_1 = Vector128.LoadUnsafe(ref w, 4);
            Vector128<float> c1_0 = Vector128.LoadUnsafe(ref w), c1_1 = Vector128.LoadUnsafe(ref w, 4);
            Vector128<float> c2_0 = Vector128.LoadUnsafe(ref w), c2_1 = Vector128.LoadUnsafe(ref w, 4);
            for (int ky = 0; ky < KernelH; ky++)
            {
                int iy = iy0 + ky;
                ref float source = ref (uint)iy < InH ? ref Unsafe.Add(ref input, iy * InW * InC) : ref zero;
                ref float line = ref Unsafe.Add(ref source, ox * Stride * InC);
                ref float t = ref Unsafe.Add(ref w, OutC * (1 + ky * KernelW * InC));
                Vector128<float> x = Vector128.Create(line);
                c0_0 = Fma(c0_0, x, Vector128.LoadUnsafe(ref t)); c0_1 = Fma(c0_1, x, Vector128.LoadUnsafe(ref t, 4));
                x = Vector128.Create(Unsafe.Add(ref line, 1));
                c0_0 = Fma(c0_0, x, Vector128.LoadUnsafe(ref t, 8)); c0_1 = Fma(c0_1, x, Vector128.LoadUnsafe(ref t, 12));
                x = Vector128.Create(Unsafe.Add(ref line, 2));
                c0_0 = Fma(c0_0, x, Vector128.LoadUnsafe(ref t, 16)); c0_1 = Fma(c0_1, x, Vector128.LoadUnsafe(ref t, 20));
                x = Vector128.Create(Unsafe.Add(ref line, 3));
                c0_0 = Fma(c0_0, x, Vector128.LoadUnsafe(ref t, 24)); c0_1 = Fma(c0_1, x, Vector128.LoadUnsafe(ref t, 28));
                x = Vector128.Create(Unsafe.Add(ref line, 4));
                c0_0 = Fma(c0_0, x, Vector128.LoadUnsafe(ref t, 32)); c0_1 = Fma(c0_1, x, Vector128.LoadUnsafe(ref t, 36));
                x = Vector128.Create(Unsafe.Add(ref line, 5));
                c0_0 = Fma(c0_0, x, Vector128.LoadUnsafe(ref t, 40)); c0_1 = Fma(c0_1, x, Vector128.LoadUnsafe(ref t, 44));
                x = Vector128.Create(Unsafe.Add(ref line, 6));
                c0_0 = Fma(c0_0, x, Vector128.LoadUnsafe(ref t, 48)); c0_1 = Fma(c0_1, x, Vector128.LoadUnsafe(ref t, 52));
                c1_0 = Fma(c1_0, x, Vector128.LoadUnsafe(ref t)); c1_1 = Fma(c1_1, x, Vector128.LoadUnsafe(ref t, 4));
                x = Vector128.Create(Unsafe.Add(ref line, 7));
                c0_0 = Fma(c0_0, x, Vector128.LoadUnsafe(ref t, 56)); c0_1 = Fma(c0_1, x, Vector128.LoadUnsafe(ref t, 60));
                c1_0 = Fma(c1_0, x, Vector128.LoadUnsafe(ref t, 8)); c1_1 = Fma(c1_1, x, Vector128.LoadUnsafe(ref t, 12));
                x = Vector128.Create(Unsafe.Add(ref line, 8));
                c0_0 = Fma(c0_0, x, Vector128.LoadUnsafe(ref t, 64)); c0_1 = Fma(c0_1, x, Vector128.LoadUnsafe(ref t, 68));
                c1_0 = Fma(c1_0, x, Vector128.LoadUnsafe(ref t, 16)); c1_1 = Fma(c1_1, x, Vector128.LoadUnsafe(ref t, 20));
                x = Vector128.Create(Unsafe.Add(ref line, 9));
                c1_0 = Fma(c1_0, x, Vector128.LoadUnsafe(ref t, 24)); c1_1 = Fma(c1_1, x, Vector128.LoadUnsafe(ref t, 28));
                x = Vector128.Create(Unsafe.Add(ref line, 10));
                c1_0 = Fma(c1_0, x, Vector128.LoadUnsafe(ref t, 32)); c1_1 = Fma(c1_1, x, Vector128.LoadUnsafe(ref t, 36));
                x = Vector128.Create(Unsafe.Add(ref line, 11));
                c1_0 = Fma(c1_0, x, Vector128.LoadUnsafe(ref t, 40)); c1_1 = Fma(c1_1, x, Vector128.LoadUnsafe(ref t, 44));
                x = Vector128.Create(Unsafe.Add(ref line, 12));
                c1_0 = Fma(c1_0, x, Vector128.LoadUnsafe(ref t, 48)); c1_1 = Fma(c1_1, x, Vector128.LoadUnsafe(ref t, 52));
                c2_0 = Fma(c2_0, x, Vector128.LoadUnsafe(ref t)); c2_1 = Fma(c2_1, x, Vector128.LoadUnsafe(ref t, 4));
                x = Vector128.Create(Unsafe.Add(ref line, 13));
                c1_0 = Fma(c1_0, x, Vector128.LoadUnsafe(ref t, 56)); c1_1 = Fma(c1_1, x, Vector128.LoadUnsafe(ref t, 60));
                c2_0 = Fma(c2_0, x, Vector128.LoadUnsafe(ref t, 8)); c2_1 = Fma(c2_1, x, Vector128.LoadUnsafe(ref t, 12));
                x = Vector128.Create(Unsafe.Add(ref line, 14));
                c1_0 = Fma(c1_0, x, Vector128.LoadUnsafe(ref t, 64)); c1_1 = Fma(c1_1, x, Vector128.LoadUnsafe(ref t, 68));
                c2_0 = Fma(c2_0, x, Vector128.LoadUnsafe(ref t, 16)); c2_1 = Fma(c2_1, x, Vector128.LoadUnsafe(ref t, 20));
                x = Vector128.Create(Unsafe.Add(ref line, 15));
                c2_0 = Fma(c2_0, x, Vector128.LoadUnsafe(ref t, 24)); c2_1 = Fma(c2_1, x, Vector128.LoadUnsafe(ref t, 28));
                x = Vector128.Create(Unsafe.Add(ref line, 16));
                c2_0 = Fma(c2_0, x, Vector128.LoadUnsafe(ref t, 32)); c2_1 = Fma(c2_1, x, Vector128.LoadUnsafe(ref t, 36));
                x = Vector128.Create(Unsafe.Add(ref line, 17));
                c2_0 = Fma(c2_0, x, Vector128.LoadUnsafe(ref t, 40)); c2_1 = Fma(c2_1, x, Vector128.LoadUnsafe(ref t, 44));
                x = Vector128.Create(Unsafe.Add(ref line, 18));
                c2_0 = Fma(c2_0, x, Vector128.LoadUnsafe(ref t, 48)); c2_1 = Fma(c2_1, x, Vector128.LoadUnsafe(ref t, 52));
                x = Vector128.Create(Unsafe.Add(ref line, 19));
                c2_0 = Fma(c2_0, x, Vector128.LoadUnsafe(ref t, 56)); c2_1 = Fma(c2_1, x, Vector128.LoadUnsafe(ref t, 60));
                x = Vector128.Create(Unsafe.Add(ref line, 20));
                c2_0 = Fma(c2_0, x, Vector128.LoadUnsafe(ref t, 64)); c2_1 = Fma(c2_1, x, Vector128.LoadUnsafe(ref t, 68));
            }
            ref float o = ref Unsafe.Add(ref row, ox * OutC);
            Vector128.StoreUnsafe(MinNative(MaxNative(c0_0, lo), hi), ref o);
            Vector128.StoreUnsafe(MinNative(MaxNative(c0_1, lo), hi), ref o, 4);
            Vector128.StoreUnsafe(MinNative(MaxNative(c1_0, lo), hi), ref o, 8);
            Vector128.StoreUnsafe(MinNative(MaxNative(c1_1, lo), hi), ref o, 12);
            Vector128.StoreUnsafe(MinNative(MaxNative(c2_0, lo), hi), ref o, 16);
            Vector128.StoreUnsafe(MinNative(MaxNative(c2_1, lo), hi), ref o, 20);
        }
        {
            const int ox = 3;
            Vector128<float> c0_0 = Vector128.LoadUnsafe(ref w), c0_1 = Vector128.LoadUnsafe(ref w, 4);
            for (int ky = 0; ky < KernelH; ky++)
            {
                int iy = iy0 + ky;
                ref float source = ref (uint)iy < InH ? ref Unsafe.Add(ref input, iy * InW * InC) : ref zero;
                ref float line = ref Unsafe.Add(ref source, ox * Stride * InC);
                ref float t = ref Unsafe.Add(ref w, OutC * (1 + ky * KernelW * InC));
                Vector128<float> x = Vector128.Create(line);
                c0_0 = Fma(c0_0, x, Vector128.LoadUnsafe(ref t)); c0_1 = Fma(c0_1, x, Vector128.LoadUnsafe(ref t, 4));
                x = Vector128.Create(Unsafe.Add(ref line, 1));
                c0_0 = Fma(c0_0, x, Vector128.LoadUnsafe(ref t, 8)); c0_1 = Fma(c0_1, x, Vector128.LoadUnsafe(ref t, 12));
                x = Vector128.Create(Unsafe.Add(ref line, 2));
                c0_0 = Fma(c0_0, x, Vector128.LoadUnsafe(ref t, 16)); c0_1 = Fma(c0_1, x, Vector128.LoadUnsafe(ref t, 20));
                x = Vector128.Create(Unsafe.Add(ref line, 3));
                c0_0 = Fma(c0_0, x, Vector128.LoadUnsafe(ref t, 24)); c0_1 = Fma(c0_1, x, Vector128.LoadUnsafe(ref t, 28));
                x = Vector128.Create(Unsafe.Add(ref line, 4));
                c0_0 = Fma(c0_0, x, Vector128.LoadUnsafe(ref t, 32)); c0_1 = Fma(c0_1, x, Vector128.LoadUnsafe(ref t, 36));
                x = Vector128.Create(Unsafe.Add(ref line, 5));
                c0_0 = Fma(c0_0, x, Vector128.LoadUnsafe(ref t, 40)); c0_1 = Fma(c0_1, x, Vector128.LoadUnsafe(ref t, 44));
            }
            ref float o = ref Unsafe.Add(ref row, ox * OutC);
            Vector128.StoreUnsafe(MinNative(MaxNative(c0_0, lo), hi), ref o);
            Vector128.StoreUnsafe(MinNative(MaxNative(c0_1, lo), hi), ref o, 4);
        }
    }
}
