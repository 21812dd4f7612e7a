#!/usr/bin/env bash
# What one edit of an app costs when a network is in it. Every build of a project that holds a
# [MobileNet] class compiles the whole generated network (3.6 to 40 MB of C# for the committed models),
# so in an app that holds one, every edit of any source file pays for it. This script measures that, for each committed model,
# in two layouts:
#   app      the [MobileNet] class is in the app itself;
#   library  the class is in a class library of its own that the app references (ProjectReference),
#            as samples/Classify.Networks and the README's own-app walkthrough do.
# For each it builds throwaway projects in a temporary folder (like the README's app: net10.0,
# implicit usings, nullable, PublishAot in the app, IsAotCompatible in the library) that reference this
# repository's generator and runtime by ProjectReference and import
# src/MobileNet.Generator/build/MobileNetGen.props/.targets as the package would. Each app gets one
# full build and one untimed edit build, so that the MSBuild nodes and the compiler server are warm.
# The library sets EmitCompilerGeneratedFiles, which writes the generated files into its obj/ to report
# their size; it is not compiled by the timed builds, and the app of the first layout does not set it.
# Then, REPS times (default 3), for every model and layout in turn (interleaved, so that a busy spell
# of a shared machine falls on all of them alike): touch the app's Program.cs and time the wall clock
# of `dotnet build -c Release` of the app. Prints each time, the median, and the bytes of the generated
# .g.cs files (network code + weights). It warns if the app was not recompiled or, in the library
# layout, if the library was (then that time counts more than the edit).
# The builds use the compiler server and MSBuild node reuse, as `dotnet build` does by default, even
# where the environment turns them off (UseSharedCompilation=false, MSBUILDDISABLENODEREUSE=1, as in
# some CI); at the end the script stops the server and nodes it started (found by a variable in their
# environment), and no others.
# Usage: tests/MobileNet.Benchmarks/edit-cost.sh [REPS]   (about 20–60 minutes on 2 busy cores)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
reps=${1:-3}
work=$(mktemp -d)
export UseSharedCompilation=true MOBILENET_EDIT_COST_RUN="$work"
unset MSBUILDDISABLENODEREUSE
stop_servers() {
  local pid
  for pid in $(pgrep -x dotnet; pgrep -f VBCSCompiler); do
    if tr '\0' '\n' 2>/dev/null <"/proc/$pid/environ" | grep -qxF "MOBILENET_EDIT_COST_RUN=$work"; then
      kill "$pid" 2>/dev/null || true
    fi
  done
}
trap 'stop_servers; rm -rf "$work"' EXIT

# name | model file | attribute arguments
models=(
  "V1 0.25-128|models/coral/mobilenet_v1_0.25_128_quant.tflite|Alpha = 0.25, Resolution = 128"
  "V1 0.5-160|models/coral/mobilenet_v1_0.5_160_quant.tflite|Alpha = 0.5, Resolution = 160"
  "V2 1.0-224|models/coral/mobilenet_v2_1.0_224_quant.tflite|Version = 2, Alpha = 1.0, Resolution = 224"
  "person_detect (V1 0.25-96)|models/tflm/person_detect.tflite|Alpha = 0.25, Resolution = 96"
)

# project DIR KIND MODEL REFERENCE: a project as the package would make it. KIND is Exe or Library;
# MODEL (a path in this repository) gives it the generator and that model; REFERENCE a ProjectReference.
project() {
  local dir=$1 kind=$2 model=$3 reference=$4 items="" properties
  mkdir -p "$dir"
  if [ "$kind" = Exe ]; then
    properties="<OutputType>Exe</OutputType><PublishAot>true</PublishAot><InvariantGlobalization>true</InvariantGlobalization>"
  else
    properties="<IsAotCompatible>true</IsAotCompatible><EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>"
  fi
  if [ -n "$model" ]; then
    items="<ProjectReference Include=\"$repo/src/MobileNet.Runtime/MobileNet.Runtime.csproj\" />
    <ProjectReference Include=\"$repo/src/MobileNet.Generator/MobileNet.Generator.csproj\" OutputItemType=\"Analyzer\" ReferenceOutputAssembly=\"false\" />
    <MobileNetModel Include=\"$repo/$model\" Link=\"models/model.tflite\" />"
  fi
  [ -n "$reference" ] && items="$items
    <ProjectReference Include=\"$reference\" />"
  cat > "$dir/$(basename "$dir").csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="$repo/src/MobileNet.Generator/build/MobileNetGen.props" />
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings><Nullable>enable</Nullable>
    $properties
  </PropertyGroup>
  <ItemGroup>
    $items
  </ItemGroup>
  <Import Project="$repo/src/MobileNet.Generator/build/MobileNetGen.targets" />
</Project>
XML
}

build() { dotnet build "$1" -c Release -nologo -v:q "${@:2}" >"$work/last-build.log" || { cat "$work/last-build.log" >&2; exit 1; }; }
now() { date +%s%N; }

apps=()   # per model and layout: the app's folder, the network project's folder, the label
for i in "${!models[@]}"; do
  IFS='|' read -r name model arguments <<<"${models[$i]}"
  network="[MobileNet($arguments, Weights = \"models/model.tflite\")]
public partial class Network;"
  program='Console.WriteLine($"{Networks.Network.InputLength} inputs, {Networks.Network.OutputLength} outputs");'
  # app: the class beside Program.cs
  project "$work/m$i/app/App" Exe "$model" ""
  printf 'namespace Networks;\n\n%s\n' "$network" > "$work/m$i/app/App/Network.cs"
  echo "$program" > "$work/m$i/app/App/Program.cs"
  apps+=("$work/m$i/app/App|$work/m$i/app/App|$name|app")
  # library: the class in Networks, referenced by App
  project "$work/m$i/library/Networks" Library "$model" ""
  printf 'namespace Networks;\n\n%s\n' "$network" > "$work/m$i/library/Networks/Network.cs"
  project "$work/m$i/library/App" Exe "" "$work/m$i/library/Networks/Networks.csproj"
  echo "$program" > "$work/m$i/library/App/Program.cs"
  apps+=("$work/m$i/library/App|$work/m$i/library/Networks|$name|library")
done

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(dotnet --version) SDK, $(date -u +%Y-%m-%d)"
declare -A size
for entry in "${apps[@]}"; do
  IFS='|' read -r app net name layout <<<"$entry"
  build "$app"
  if [ "$layout" = library ]; then
    code=$(find "$net/obj" -name '*.MobileNet.g.cs' -printf '%s\n' | awk '{ s += $1 } END { print s }')
    weights=$(find "$net/obj" -name '*.MobileNet.Weights.g.cs' -printf '%s\n' | awk '{ s += $1 } END { print s }')
    size[$name]="$((code + weights)) B (code $code + weights $weights)"
  fi
  touch "$app/Program.cs"
  build "$app"
done

declare -A times
for ((r = 1; r <= reps; r++)); do
  for entry in "${apps[@]}"; do
    IFS='|' read -r app net name layout <<<"$entry"
    appdll="$app/obj/Release/net10.0/App.dll" netdll="$net/obj/Release/net10.0/Networks.dll"
    before=$(stat -c %y "$appdll") netbefore=$( [ -f "$netdll" ] && stat -c %y "$netdll" || echo none)
    touch "$app/Program.cs"
    start=$(now)
    build "$app"
    end=$(now)
    [ "$(stat -c %y "$appdll")" != "$before" ] || echo "warning: $name ($layout): App.dll was not recompiled" >&2
    [ "$layout" = app ] || [ "$(stat -c %y "$netdll")" = "$netbefore" ] || echo "warning: $name: the library was recompiled" >&2
    seconds=$(awk -v ns=$((end - start)) 'BEGIN { printf "%.2f", ns / 1e9 }')
    times[$name|$layout]="${times[$name|$layout]:-} $seconds"
    echo "run $r  $name  $layout  $seconds s"
  done
done

median() { printf '%s\n' $1 | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo
printf '%-28s %-44s %-26s %s\n' model "generated C#" "edit, network in the app" "edit, network in a library"
for entry in "${models[@]}"; do
  IFS='|' read -r name _ _ <<<"$entry"
  printf '%-28s %-44s %-26s %s\n' "$name" "${size[$name]}" \
    "$(median "${times[$name|app]}") s ($(echo ${times[$name|app]}))" \
    "$(median "${times[$name|library]}") s ($(echo ${times[$name|library]}))"
done
