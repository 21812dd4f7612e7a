using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Threading;

namespace MobileNet.Testing;

/// <summary>The element types LiteRT gives a MobileNet's inputs and outputs.</summary>
public enum LiteRtType { Float32, Int32, UInt8, Int16, Int8 }

/// <summary>One output tensor of a LiteRT run: its raw little-endian bytes, as the model's output type has them.</summary>
public sealed record LiteRtTensor(LiteRtType Type, int[] Shape, byte[] Data)
{
    /// <summary>The elements of an int8 tensor.</summary>
    public sbyte[] Int8() => Type == LiteRtType.Int8 ? MemoryMarshal.Cast<byte, sbyte>(Data).ToArray() : throw Mismatch(LiteRtType.Int8);

    /// <summary>The elements of a float32 tensor.</summary>
    public float[] Float32() => Type == LiteRtType.Float32 ? MemoryMarshal.Cast<byte, float>(Data).ToArray() : throw Mismatch(LiteRtType.Float32);

    public override string ToString() => $"{Type} [{string.Join(",", Shape)}]";

    private InvalidOperationException Mismatch(LiteRtType wanted) => new($"the tensor is {this}, not {wanted}");
}

/// <summary>
/// LiteRT, TFLite's own runtime, as the reference for .tflite files run as they are stored (uint8 and int8 included):
/// @litertjs/core (XNNPACK compiled to WebAssembly, the single-threaded SIMD128 build) in one Node.js worker,
/// litert/litert.mjs, started on first use and kept for the process, with every model it loads.
/// Needs node on PATH and the npm package installed: <c>npm ci --prefix tests/MobileNet.Testing/litert</c>,
/// which <c>bash .ci/setup</c> runs.
/// </summary>
public static class LiteRt
{
    /// <summary>The worker's folder in the repository: package.json, package-lock.json, litert.mjs and node_modules.</summary>
    public static string Folder { get; } = Path.Combine(
        typeof(LiteRt).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!,
        "tests", "MobileNet.Testing", "litert");

    private static readonly Lock Gate = new();
    private static Worker? _worker;
    private static bool _exitHooked;

    /// <summary>
    /// Runs the .tflite at <paramref name="modelPath"/> on <paramref name="inputs"/>, one per model input, each the
    /// tensor's raw bytes in the type and shape the model declares (NHWC; a uint8 or int8 image is its quantised values).
    /// Returns the model's outputs in its order. Calls from several threads take turns.
    /// </summary>
    /// <exception cref="InvalidOperationException">LiteRT is not installed, or it refused the model or the inputs (its words are in the message).</exception>
    public static LiteRtTensor[] Run(string modelPath, params byte[][] inputs)
    {
        string path = Path.GetFullPath(modelPath);
        if (!File.Exists(path))
            throw new FileNotFoundException($"no model at '{path}'", path);
        lock (Gate)
        {
            if (_worker is null || _worker.HasExited)
            {
                _worker?.Dispose();
                _worker = Worker.Start(Folder);
                if (!_exitHooked)
                {
                    AppDomain.CurrentDomain.ProcessExit += (_, _) => { lock (Gate) _worker?.Dispose(); };
                    _exitHooked = true;
                }
            }
            return _worker.Run(path, inputs);
        }
    }

    private sealed class Worker : IDisposable
    {
        // A cold model (loading, XNNPACK packing its weights) takes well under a second; a hang must still end.
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

        private readonly Process _process;
        private readonly Queue<string> _stderr = new();
        private bool _disposed;

        private Worker(Process process) => _process = process;

        public bool HasExited => _disposed || _process.HasExited;

        public static Worker Start(string folder)
        {
            string script = Path.Combine(folder, "litert.mjs");
            if (!File.Exists(Path.Combine(folder, "node_modules", "@litertjs", "core", "package.json")))
                throw new InvalidOperationException(
                    $"LiteRT (@litertjs/core) is not installed in '{folder}': run 'npm ci --prefix tests/MobileNet.Testing/litert' from the repository root (bash .ci/setup does it).");
            var start = new ProcessStartInfo("node", [script])
            {
                WorkingDirectory = folder,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardInputEncoding = new UTF8Encoding(false),
                StandardOutputEncoding = Encoding.UTF8,
            };
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (Win32Exception e)
            {
                throw new InvalidOperationException("LiteRT runs in Node.js: 'node' (20 or newer) must be on PATH.", e);
            }
            var worker = new Worker(process);
            // Drained as it comes, so that the runtime's logging never fills the pipe; the last lines go into errors.
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is null)
                    return;
                lock (worker._stderr)
                {
                    worker._stderr.Enqueue(e.Data);
                    if (worker._stderr.Count > 30)
                        worker._stderr.Dequeue();
                }
            };
            process.BeginErrorReadLine();
            return worker;
        }

        public LiteRtTensor[] Run(string model, byte[][] inputs)
        {
            var request = new MemoryStream();
            using (var json = new Utf8JsonWriter(request))
            {
                json.WriteStartObject();
                json.WriteString("model", model);
                json.WriteStartArray("inputs");
                foreach (byte[] input in inputs)
                    json.WriteBase64StringValue(input);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            string? line;
            try
            {
                _process.StandardInput.WriteLine(Encoding.UTF8.GetString(request.GetBuffer(), 0, (int)request.Length));
                _process.StandardInput.Flush();
                using var timeout = new CancellationTokenSource(Patience);
                line = _process.StandardOutput.ReadLineAsync(timeout.Token).AsTask().GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is IOException or OperationCanceledException)
            {
                Dispose();
                throw new InvalidOperationException($"the LiteRT worker did not answer for {Path.GetFileName(model)} ({e.Message}){Said()}", e);
            }
            if (line is null)
            {
                _process.WaitForExit(1000);
                throw new InvalidOperationException($"the LiteRT worker ended (exit code {(_process.HasExited ? _process.ExitCode : "none yet")}){Said()}");
            }

            using JsonDocument answer = JsonDocument.Parse(line);
            if (answer.RootElement.TryGetProperty("error", out JsonElement error))
                throw new InvalidOperationException($"LiteRT on {Path.GetFileName(model)}: {error.GetString()}");
            return answer.RootElement.GetProperty("outputs").EnumerateArray().Select(output => new LiteRtTensor(
                output.GetProperty("dtype").GetString() switch
                {
                    "float32" => LiteRtType.Float32,
                    "int32" => LiteRtType.Int32,
                    "uint8" => LiteRtType.UInt8,
                    "int16" => LiteRtType.Int16,
                    "int8" => LiteRtType.Int8,
                    string other => throw new InvalidOperationException($"LiteRT gave an output of {other}"),
                    null => throw new InvalidOperationException("LiteRT gave an output without a type"),
                },
                output.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray(),
                output.GetProperty("data").GetBytesFromBase64())).ToArray();
        }

        private string Said()
        {
            lock (_stderr)
                return _stderr.Count == 0 ? "" : "; it said:\n" + string.Join("\n", _stderr);
        }

        public void Dispose()
        {
            if (_disposed)
                return;
            _disposed = true;
            try
            {
                if (!_process.HasExited)
                {
                    _process.StandardInput.Close(); // the worker ends when its input does
                    if (!_process.WaitForExit(2000))
                        _process.Kill();
                }
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or Win32Exception)
            {
                // Already gone.
            }
            _process.Dispose();
        }
    }
}
