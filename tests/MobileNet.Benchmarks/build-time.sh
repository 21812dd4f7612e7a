#!/usr/bin/env bash
# Build time that a network's weights and kernels add to a project: builds a throwaway project that
# references this repository's generator, with no network, with Coral's V1 0.5-160 and with Coral's V2
# 1.0-224, and prints the Csc task's time (-clp:PerformanceSummary) of three rebuilds each after touching
# the source (compiler server warm), and the median. Usage: tests/MobileNet.Benchmarks/build-time.sh
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/BuildTime.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="$repo/src/MobileNet.Generator/build/MobileNetGen.props" />
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable></PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$repo/src/MobileNet.Runtime/MobileNet.Runtime.csproj" />
    <ProjectReference Include="$repo/src/MobileNet.Generator/MobileNet.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <MobileNetModel Include="$repo/models/coral/mobilenet_v1_0.5_160_quant.tflite" Link="models/v1.tflite" />
    <MobileNetModel Include="$repo/models/coral/mobilenet_v2_1.0_224_quant.tflite" Link="models/v2.tflite" />
  </ItemGroup>
  <Import Project="$repo/src/MobileNet.Generator/build/MobileNetGen.targets" />
</Project>
XML
measure() {
  echo "$2" > "$work/Networks.cs"
  dotnet build "$work" -c Release -nologo >/dev/null
  local times=()
  for _ in 1 2 3; do
    touch "$work/Networks.cs"
    times+=("$(dotnet build "$work" -c Release -nologo -clp:PerformanceSummary | awk '$3 == "Csc" { print $1; exit }')")
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
  printf '%-12s Csc %s ms (runs: %s)\n' "$1" "$median" "${times[*]}"
}
measure "none" 'namespace BuildTime; public static class Empty;'
measure "V1 0.5-160" 'using MobileNet; namespace BuildTime; [MobileNet(Alpha = 0.5, Resolution = 160, Weights = "models/v1.tflite")] public partial class V1;'
measure "V2 1.0-224" 'using MobileNet; namespace BuildTime; [MobileNet(Version = 2, Alpha = 1.0, Resolution = 224, Weights = "models/v2.tflite")] public partial class V2;'
