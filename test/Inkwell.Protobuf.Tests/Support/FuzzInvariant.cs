using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Inkwell.Protobuf.Tests.Support;

/// <summary>
/// What a compile of damaged input must give, whatever the damage: rejected input gets an error that names the
/// damaged file; accepted input gets descriptors that Google.Protobuf reads back to the same bytes.
/// </summary>
/// <remarks>
/// The error names the file but need not have a line: where protoc reports one without a line, so does Inkwell (a map
/// whose value type is not defined: protoc 35 prints <c>m.proto: "X" is not defined.</c>).
/// </remarks>
internal static class FuzzInvariant
{
    public static void Holds(CompilationResult result, string file, string text)
    {
        if (!result.Success)
        {
            Assert.True(
                result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error && d.File == file),
                $"rejected without an error in {file}:\n{string.Join("\n", result.Diagnostics.Select(d => d.Format()))}\n--- input ---\n{text}");
            return;
        }

        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        byte[] bytes = result.GetDescriptorSetBytes(includeImports: true, includeSourceInfo: true);
        Assert.Equal(bytes, FileDescriptorSet.Parser.ParseFrom(bytes).ToByteArray());
    }
}
