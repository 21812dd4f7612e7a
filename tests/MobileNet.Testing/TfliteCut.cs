using System;
using System.Collections.Generic;
using System.Linq;
using Table = MobileNet.Testing.TfliteToOnnx.Table;

namespace MobileNet.Testing;

/// <summary>
/// Cuts a .tflite after one of its operators, the way Coral's embedding extractors are the classifiers cut after
/// their AVERAGE_POOL_2D: the same tensors, buffers, quantisation, operator codes and description, only operators
/// 0..last, and that operator's output as the subgraph's output. The file is written anew with
/// <see cref="FlatBufferWriter"/>, field by field from a description of schema.fbs (tensorflow/lite/schema), so
/// that a field the description does not know stops the cut instead of going missing from the file.
/// </summary>
public static class TfliteCut
{
    /// <summary>A .tflite whose subgraph ends at operator <paramref name="lastOperator"/> (an index of <see cref="TfliteToOnnx.Operators"/>).</summary>
    /// <remarks>
    /// Left out, since they describe the outputs that the cut removes: the signature defs and the TFLITE_METADATA entry
    /// (the support library's description of the output, such as its labels). Their buffers stay, unreferenced.
    /// </remarks>
    public static byte[] Truncate(byte[] tflite, int lastOperator)
    {
        Table model = TfliteToOnnx.Model(tflite);
        Table[] subgraphs = model.Tables(2);
        if (subgraphs.Length != 1)
            throw new NotSupportedException($"the model has {subgraphs.Length} subgraphs; a MobileNet has one");
        Table[] operators = subgraphs[0].Tables(3);
        if (lastOperator < 0 || lastOperator >= operators.Length)
            throw new ArgumentOutOfRangeException(nameof(lastOperator), $"operator {lastOperator} of {operators.Length}");

        FbTable subgraph = Copy(subgraphs[0], "SubGraph")
            .Ref(2, FbScalars.Ints(operators[lastOperator].Ints(2)))
            .Ref(3, new FbTables(operators.Take(lastOperator + 1).Select(op => Copy(op, "Operator"))));
        FbTable copy = Copy(model, "Model").Ref(2, new FbTables([subgraph]));
        if (model.Has(6))
            copy.Ref(6, new FbTables(model.Tables(6).Where(m => m.String(0) != "TFLITE_METADATA").Select(m => Copy(m, "Metadata"))));
        return FlatBufferWriter.Write(copy, "TFL3");
    }

    // The tables of schema.fbs a MobileNet file uses, one token per field in schema order:
    //   1, 4, 8  a scalar of that many bytes      [1, [4, [8  a vector of such scalars
    //   s        a string                          Name, [Name  a table, a vector of tables (described here)
    //   U        BuiltinOptions, of the type the field before gives
    //   -        left out (or set by the cut)      !  not supported: the cut stops if the file sets it
    private static readonly Dictionary<string, string> Schema = new()
    {
        // version, operator_codes, subgraphs (cut), description, buffers, metadata_buffer, metadata (filtered), signature_defs
        ["Model"] = "4 [OperatorCode - s [Buffer [4 - -",
        // deprecated_builtin_code, custom_code, version, builtin_code
        ["OperatorCode"] = "1 s 4 4",
        // tensors, inputs, outputs (cut), operators (cut), name
        ["SubGraph"] = "[Tensor [4 - - s",
        // shape, type, buffer, name, quantization, is_variable, sparsity, shape_signature, has_rank, variant_tensors
        ["Tensor"] = "[4 1 4 s QuantizationParameters 1 ! [4 1 !",
        // min, max, scale, zero_point, details_type, details, quantized_dimension
        ["QuantizationParameters"] = "[4 [4 [4 [8 1 ! 4",
        // opcode_index, inputs, outputs, builtin_options_type, builtin_options, custom_options, custom_options_format,
        // mutating_variable_inputs, intermediates, large_custom_options_offset, large_custom_options_size, builtin_options_2_type, builtin_options_2
        ["Operator"] = "4 [4 [4 1 U [1 1 [1 [4 ! ! ! !",
        // data, offset, size (the last two only in files over 2 GB)
        ["Buffer"] = "[1 ! !",
        // name, buffer
        ["Metadata"] = "s 4",
    };

    /// <summary>The option tables of the operators MobileNet files use, by BuiltinOptions type.</summary>
    private static readonly Dictionary<int, string> Options = new()
    {
        [1] = "1 4 4 1 4 4 1", // Conv2DOptions: padding, stride_w, stride_h, fused_activation_function, dilation_w_factor, dilation_h_factor, quantized_bias_type
        [2] = "1 4 4 4 1 4 4", // DepthwiseConv2DOptions: padding, stride_w, stride_h, depth_multiplier, fused_activation_function, dilation_w_factor, dilation_h_factor
        [5] = "1 4 4 4 4 1",   // Pool2DOptions: padding, stride_w, stride_h, filter_width, filter_height, fused_activation_function
        [8] = "1 1 1 1 1",     // FullyConnectedOptions: fused_activation_function, weights_format, keep_num_dims, asymmetric_quantize_inputs, quantized_bias_type
        [9] = "4",             // SoftmaxOptions: beta
        [11] = "1 1",          // AddOptions: fused_activation_function, pot_scale_int16
        [17] = "[4",           // ReshapeOptions: new_shape
        [22] = "",             // PadOptions
        [27] = "1",            // ReducerOptions: keep_dims
        [30] = "[4",           // SqueezeOptions: squeeze_dims
        [38] = "",             // DequantizeOptions
        [89] = "",             // QuantizeOptions
    };

    private static FbTable Copy(Table source, string table) => Copy(source, Schema[table], table);

    private static FbTable Copy(Table source, string layout, string table)
    {
        string[] fields = layout.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var copy = new FbTable();
        for (int f = 0; f < source.FieldSlots; f++)
        {
            if (!source.Has(f))
                continue;
            string kind = f < fields.Length ? fields[f] : "!";
            switch (kind)
            {
                case "-":
                    break;
                case "!":
                    throw new NotSupportedException($"{table} sets field {f}, which the cut does not copy");
                case "s":
                    copy.Ref(f, new FbString(source.String(f)!));
                    break;
                case "U":
                    int type = source.Scalar(f - 1, 1)[0];
                    if (!Options.TryGetValue(type, out string? options))
                        throw new NotSupportedException($"{table} has BuiltinOptions of type {type}, which the cut does not copy");
                    copy.Ref(f, Copy(source.Child(f)!.Value, options, $"BuiltinOptions {type}"));
                    break;
                case ['[', >= '1' and <= '8']:
                    copy.Ref(f, new FbScalars(source.Raw(f, kind[1] - '0'), kind[1] - '0'));
                    break;
                case ['[', ..]:
                    copy.Ref(f, new FbTables(source.Tables(f).Select(t => Copy(t, kind[1..]))));
                    break;
                case [>= '1' and <= '8']:
                    copy.Scalar(f, source.Scalar(f, kind[0] - '0'));
                    break;
                default:
                    copy.Ref(f, Copy(source.Child(f)!.Value, kind));
                    break;
            }
        }
        return copy;
    }
}
