using System;
using System.Linq;
using MobileNet.Generator.Binding;

namespace MobileNet.Testing;

/// <summary>
/// Writes a MobileNet V1 quantised as Coral's files are (TF-slim layout, SAME padding, uint8 per-tensor weights with
/// zero points, int32 biases, ReLU6 outputs on 6/255 at zero point 0, AVERAGE_POOL_2D, a 1×1 CONV_2D head, RESHAPE,
/// SOFTMAX on 1/256) with random weights: for the widths and resolutions no published file has (α 0.75's 24-channel
/// first depthwise layer, odd map sizes), which LiteRT then checks. With <c>int8</c>, the network is int8 as TF2's
/// converter writes it for uint8 inputs and outputs: int8 symmetric weights, int8 activations (ReLU6 on 6/255 at
/// −128, the softmax on 1/256 at −128), and a QUANTIZE from the uint8 input and one to the uint8 output; with
/// <c>floatEnds</c> as well, TF2's default form: a float input quantised on 2/255 at −1, and the output dequantised.
/// </summary>
public static class SyntheticQuantizedV1
{
    private const int Conv2D = 3, DepthwiseConv2D = 4, AveragePool2D = 1, Reshape = 22, Softmax = 25, Quantize = 114, Dequantize = 6;
    private const byte Float32 = 0, Uint8 = 3, Int32 = 2, Int8 = 9;

    public static byte[] Build(double alpha, int resolution, int classes = 10, int seed = 1, bool int8 = false, bool floatEnds = false)
    {
        if (floatEnds && !int8)
            throw new ArgumentException("float ends wrap an int8 network", nameof(floatEnds));
        var random = new Random(seed);
        var t = new TfliteBuilder();
        // int8 codes are the uint8 ones less 128, on the same scales.
        long shift = int8 ? -128 : 0;
        byte type = int8 ? Int8 : Uint8;
        (float Scale, long ZeroPoint) relu6 = (6f / 255, shift);
        (float Scale, long ZeroPoint) quantization = (1f / 128, 128);
        int tx = floatEnds ? t.Tensor("input", [1, resolution, resolution, 3], Float32) : t.Tensor("input", [1, resolution, resolution, 3], Uint8, quantization: quantization);
        t.Inputs.Add(tx);
        if (int8)
        {
            quantization = floatEnds ? (2f / 255, -1) : (1f / 128, 0);
            int quantized = t.Tensor("input_int8", [1, resolution, resolution, 3], Int8, quantization: quantization);
            t.Op(Quantize, [tx], [quantized]);
            tx = quantized;
        }
        int size = resolution, channels = 3;

        // A convolution of uint8 weights around a zero point near 128 (int8: symmetric, −127 … 127), scaled so that the products stay in ReLU6's range.
        void Conv(int outC, int kernel, int stride, bool depthwise, (float Scale, long ZeroPoint)? output = null)
        {
            int perOut = depthwise ? 1 : channels;
            int weightZeroPoint = int8 ? 0 : random.Next(110, 146);
            float weightScale = (float)(Math.Sqrt(6.0 / (perOut * kernel * kernel)) / 100);
            byte[] weights = Enumerable.Range(0, outC * perOut * kernel * kernel).Select(_ => int8 ? (byte)(sbyte)random.Next(-127, 128) : (byte)random.Next(0, 256)).ToArray();
            float biasScale = quantization.Scale * weightScale;
            int[] bias = Enumerable.Range(0, outC).Select(_ => (int)Math.Round((random.NextDouble() * 2 - 1) * 0.3 / biasScale)).ToArray();
            int outSize = V1Architecture.Downsample(size, stride);
            int[] shape = depthwise ? [1, kernel, kernel, outC] : [outC, kernel, kernel, perOut];
            (float Scale, long ZeroPoint) result = output ?? relu6;
            int w = t.Tensor(t.Fresh("w"), shape, type, t.Buffer(weights), (weightScale, weightZeroPoint));
            int b = t.Tensor(t.Fresh("b"), [outC], Int32, t.Buffer(bias.SelectMany(BitConverter.GetBytes).ToArray()), (biasScale, 0));
            int y = t.Tensor(t.Fresh("conv"), [1, outSize, outSize, outC], type, quantization: result);
            byte activation = (byte)(output is null ? 3 : 0);
            var options = new FbTable().Byte(0, (byte)(kernel == 1 && stride == 1 && !depthwise && output is not null ? 1 : 0)).Int(1, stride).Int(2, stride);
            if (depthwise) options.Int(3, 1).Byte(4, activation); else options.Byte(3, activation);
            t.Op(depthwise ? DepthwiseConv2D : Conv2D, [tx, w, b], [y], (byte)(depthwise ? 2 : 1), options);
            (tx, size, channels, quantization) = (y, outSize, outC, result);
        }

        int Width(int c) => Math.Max((int)(c * alpha), 8);
        Conv(Width(32), 3, 2, depthwise: false);
        foreach ((int stride, int c) in V1Architecture.Blocks)
        {
            Conv(channels, 3, stride, depthwise: true);
            Conv(Width(c), 1, 1, depthwise: false);
        }

        int pooled = t.Tensor("pool", [1, 1, 1, channels], type, quantization: quantization);
        t.Op(AveragePool2D, [tx], [pooled], 5, new FbTable().Byte(0, 1).Int(1, 1).Int(2, 1).Int(3, size).Int(4, size));
        (tx, size) = (pooled, 1);
        Conv(classes, 1, 1, depthwise: false, output: (0.1f, 128 + shift));
        int logits = t.Tensor("logits", [1, classes], type, quantization: quantization);
        t.Op(Reshape, [tx, t.Constant("logits_shape", [2], [1, classes])], [logits]);
        int probabilities = t.Tensor("probabilities", [1, classes], type, quantization: (1f / 256, shift));
        t.Op(Softmax, [logits], [probabilities], 9, new FbTable().Float(0, 1f));
        if (int8)
        {
            int file = floatEnds ? t.Tensor("probabilities_float", [1, classes], Float32) : t.Tensor("probabilities_uint8", [1, classes], Uint8, quantization: (1f / 256, 0));
            t.Op(floatEnds ? Dequantize : Quantize, [probabilities], [file]);
            probabilities = file;
        }
        t.Outputs.Add(probabilities);
        return t.Build();
    }
}
