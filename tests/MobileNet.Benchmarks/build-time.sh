#!/usr/bin/env bash
# The cost a network adds to a build: the compiler's time and peak memory for a throwaway project that
# references this repository's generator, with no network, with Coral's V1 0.5-160 and with Coral's V2
# 1.0-224, then the same network's generated code and weights compiled apart, as plain sources without the
# generator. Usage: tests/MobileNet.Benchmarks/build-time.sh
#
# How: the Csc task runs the compiler through a wrapper (CscToolPath/CscToolExe), which also keeps it off
# the shared compiler server, so each compilation is one process of its own that /usr/bin/time measures:
# wall and CPU (user + system) seconds, and peak resident memory. A fresh process includes the compiler's
# start-up, which the "none" row shows. Each row is the median of three compilations after touching a
# source; CPU time is the steadier figure on a shared machine, wall time the one a developer waits.
# The split rows compile what the generator wrote (EmitCompilerGeneratedFiles) in a project without it:
# "code" is the kernels with a stub of the weights class (default fields, which compile to the same
# references), "weights" the weights file alone, "both" the two: "both" against the row with the
# generator is the generator's own share.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
roslyn=$(cd "$repo/src/MobileNet.Runtime" && dotnet msbuild -getProperty:RoslynTargetsPath -nologo)
cat > "$work/csc-timed" <<SH
#!/usr/bin/env bash
exec /usr/bin/time -f '%e %U %S %M' -a -o "\$CSC_TIME_LOG" dotnet exec "$roslyn/bincore/csc.dll" "\$@"
SH
chmod +x "$work/csc-timed"
# Only the measured project compiles through the wrapper, not the runtime and generator it references.
timed="<PropertyGroup Condition=\"'\$(CSC_TIME_LOG)' != ''\"><CscToolPath>$work</CscToolPath><CscToolExe>csc-timed</CscToolExe></PropertyGroup>"

mkdir -p "$work/gen" "$work/split"
cat > "$work/gen/BuildTime.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="$repo/src/MobileNet.Generator/build/MobileNetGen.props" />
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable></PropertyGroup>
  $timed
  <ItemGroup>
    <ProjectReference Include="$repo/src/MobileNet.Runtime/MobileNet.Runtime.csproj" />
    <ProjectReference Include="$repo/src/MobileNet.Generator/MobileNet.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <MobileNetModel Include="$repo/models/coral/mobilenet_v1_0.5_160_quant.tflite" Link="models/v1.tflite" />
    <MobileNetModel Include="$repo/models/coral/mobilenet_v2_1.0_224_quant.tflite" Link="models/v2.tflite" />
  </ItemGroup>
  <Import Project="$repo/src/MobileNet.Generator/build/MobileNetGen.targets" />
</Project>
XML
cat > "$work/split/Split.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><NoWarn>CS0649</NoWarn></PropertyGroup>
  $timed
  <ItemGroup><ProjectReference Include="$repo/src/MobileNet.Runtime/MobileNet.Runtime.csproj" /></ItemGroup>
</Project>
XML

printf '%-22s %9s %9s %9s   %s\n' "" "wall s" "CPU s" "peak MB" "runs (wall/CPU/MB)"
# measure <label> <project directory>: three timed compilations of the project as it stands.
measure() {
  dotnet build "$2" -c Release -nologo >/dev/null
  local log="$work/csc.log" runs=()
  for _ in 1 2 3; do
    rm -f "$log"
    touch "$2"/*.cs
    CSC_TIME_LOG="$log" dotnet build "$2" -c Release -nologo >/dev/null
    [ "$(wc -l < "$log")" = 1 ] || { echo "expected one compilation of $2, got:" >&2; cat "$log" >&2; exit 1; }
    runs+=("$(awk '{ printf "%s/%.1f/%d", $1, $2 + $3, $4 / 1024 }' "$log")")
  done
  median() { printf '%s\n' "${runs[@]}" | cut -d/ -f"$1" | sort -n | sed -n 2p; }
  printf '%-22s %9s %9s %9s   %s\n' "$1" "$(median 1)" "$(median 2)" "$(median 3)" "${runs[*]}"
}
# network <label> <class> <attribute>: the network with the generator, then its code and weights apart.
network() {
  echo "using MobileNet; namespace BuildTime; $3 public partial class $2;" > "$work/gen/Networks.cs"
  rm -rf "$work/out"
  dotnet build "$work/gen" -c Release -nologo -p:EmitCompilerGeneratedFiles=true -p:CompilerGeneratedFilesOutputPath="$work/out" >/dev/null
  measure "$1" "$work/gen"
  local code weights
  code=$(find "$work/out" -name "BuildTime.$2.MobileNet.g.cs")
  weights=$(find "$work/out" -name "BuildTime.$2.MobileNet.Weights.g.cs")
  rm -f "$work/split"/*.cs
  cp "$code" "$work/split/Code.cs"
  # The kernels read MobileNetWeights.<field>.Floats: the stub declares the fields they name.
  { echo "namespace BuildTime { partial class $2 { private static class MobileNetWeights { public static readonly global::MobileNet.LayerWeights"
    grep -o 'MobileNetWeights\.[A-Za-z0-9_]*' "$code" | sort -u | sed 's/^MobileNetWeights\./    /' | paste -sd,
    echo "; } } }"; } > "$work/split/Stub.cs"
  measure "  code" "$work/split"
  rm "$work/split/Code.cs" "$work/split/Stub.cs"
  cp "$weights" "$work/split/Weights.cs"
  measure "  weights" "$work/split"
  cp "$code" "$work/split/Code.cs"
  measure "  both" "$work/split"
}
echo 'namespace BuildTime; public static class Empty;' > "$work/gen/Networks.cs"
measure "none" "$work/gen"
network "V1 0.5-160" V1 '[MobileNet(Alpha = 0.5, Resolution = 160, Weights = "models/v1.tflite")]'
network "V2 1.0-224" V2 '[MobileNet(Version = 2, Alpha = 1.0, Resolution = 224, Weights = "models/v2.tflite")]'
