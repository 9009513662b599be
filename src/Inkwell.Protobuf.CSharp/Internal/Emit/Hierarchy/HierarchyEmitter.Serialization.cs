using System.Globalization;
using System.Linq;
using Inkwell.Protobuf.CSharp.Internal.Emit.Fields;
using Inkwell.Protobuf.CSharp.Internal.Model;
using static Inkwell.Protobuf.CSharp.Internal.Emit.CompatibilityMode;

namespace Inkwell.Protobuf.CSharp.Internal.Emit.Hierarchy;

/// <summary>
/// Writing a hierarchy object: its root envelope, each level's fields with the subtype's level nested at its
/// place, sizes cached per level.
/// </summary>
internal sealed partial class HierarchyEmitter
{
    /// <summary>The compatibility build computes sizes as it writes, so its subtype writers take no <c>sizesCached</c>.</summary>
    private static string WriteSubtypeParameters(bool useWriteContext) =>
        useWriteContext ? WriteParameter(true) + ", bool sizesCached" : WriteParameter(false);

    private void WriteSerialization()
    {
        if (Level.IsRoot)
        {
            _context.WriteGeneratedCodeAttributes();
            W.Open("public void WriteTo(pb::CodedOutputStream output)");
            W.WriteBodyForEachBuild("output.WriteRawMessage(this);", () => W.Line("Inkwell_WriteLevel(output);"));
            W.Close();
            W.Line();
            W.WriteUsualBuildOnly(() =>
            {
                _context.WriteGeneratedCodeAttributes();
                W.Open("void pb::IBufferMessage.InternalWriteTo(ref pb::WriteContext output)");
                W.Line("Inkwell_WriteLevel(ref output);");
                W.Close();
                W.Line();
                _context.WriteGeneratedCodeAttributes();
                W.Open($"internal void {SizeCache.WriteMethod}(ref pb::WriteContext output)");
                W.Line("Inkwell_WriteLevelCached(ref output);");
                W.Close();
            });
            W.Line();
            W.Line("/// <summary>The size of the root envelope, which every object of the hierarchy is written as.</summary>");
            _context.WriteGeneratedCodeAttributes();
            W.Open("public int CalculateSize()");
            W.Line("return Inkwell_LevelSize();");
            W.Close();
            W.Line();
            _context.WriteGeneratedCodeAttributes();
            W.Open($"internal int {SizeCache.CachedSizeMethod}()");
            W.Line($"return {SizeCache.Field};");
            W.Close();
            W.Line();
        }
        // This level's fields, then the subtype's level (when this object is one) nested at its tag.
        W.WriteForEachBuild(useWriteContext =>
        {
            if (useWriteContext)
            {
                W.Line("// Writes this level, computing nested sizes once.");
                W.Open("private void Inkwell_WriteLevel(ref pb::WriteContext output)");
                WriteLevelBody(sizesCached: false);
                W.Close();
                W.Line();
                W.Line("// Writes this level right after Inkwell_LevelSize cached every size below it.");
                W.Open("private void Inkwell_WriteLevelCached(ref pb::WriteContext output)");
                WriteLevelBody(sizesCached: true);
                W.Close();
            }
            else
            {
                W.Open("private void Inkwell_WriteLevel(pb::CodedOutputStream output)");
                WriteLevelBody(sizesCached: false, useWriteContext: false);
                W.Close();
            }
        });
        W.Line();
        W.Open("private int Inkwell_LevelSize()");
        W.Line("int size = 0;");
        foreach (FieldEmitter field in LevelEmitters)
        {
            field.WriteSize();
        }
        if (Level.UsesExtensions)
        {
            ProtoField typeField = Level.TypeField!;
            W.Line($"int inkwellTag = Inkwell_SubtypeTag{Depth}();");
            W.Open("if (inkwellTag != 0)");
            W.Line($"size += {TypeNames.VarintSize(typeField.Tag).ToString(CultureInfo.InvariantCulture)} + pb::CodedOutputStream.ComputeInt32Size(inkwellTag);");
            W.Close();
        }
        if (Level.HasSubtypes)
        {
            W.Line($"size += Inkwell_SubtypeSize{Depth}();");
        }
        W.Open("if (_unknownFields != null)");
        W.Line("size += _unknownFields.CalculateSize();");
        W.Close();
        W.Line($"{SizeCache.Field} = size;");
        W.Line("return size;");
        W.Close();
        W.Line();
        if (Level.UsesExtensions)
        {
            W.Line("/// <summary>EXTENSIONS: the tag the type field holds (overridden by each direct subtype).</summary>");
            W.Line(Hidden);
            W.Open($"protected virtual int Inkwell_SubtypeTag{Depth}()");
            W.Line(Level.HasSubtypes
                ? $"return _inkwellSubtype != null ? _inkwellSubtype.Inkwell_SubtypeTag{Depth}() : _inkwellStoredTag;"
                : "return _inkwellStoredTag;");
            W.Close();
            W.Line();
        }
        if (!Level.IsRoot && Level.Base!.Hierarchy!.UsesExtensions)
        {
            W.Line(Hidden);
            W.Open($"protected override int Inkwell_SubtypeTag{BaseDepth}()");
            W.Line($"return {Level.Tag.ToString(CultureInfo.InvariantCulture)};");
            W.Close();
            W.Line();
        }
        if (Level.HasSubtypes)
        {
            W.Line("/// <summary>The size of the subtype field at this level (overridden by each direct subtype).</summary>");
            W.Line(Hidden);
            W.Open($"protected virtual int Inkwell_SubtypeSize{Depth}()");
            W.Line($"return _inkwellSubtype == null ? 0 : _inkwellSubtype.Inkwell_SubtypeSize{Depth}();");
            W.Close();
            W.Line();
            W.WriteForEachBuild(useWriteContext =>
            {
                W.Line("/// <summary>Writes the subtype field at this level (overridden by each direct subtype).</summary>");
                W.Line(Hidden);
                W.Open($"protected virtual void Inkwell_WriteSubtype{Depth}({WriteSubtypeParameters(useWriteContext)})");
                W.Open("if (_inkwellSubtype != null)");
                W.Line($"_inkwellSubtype.Inkwell_WriteSubtype{Depth}({RefIf(useWriteContext)}output{(useWriteContext ? ", sizesCached" : "")});");
                W.Close();
                W.Close();
            });
            W.Line();
        }
        if (!Level.IsRoot && Level.Base!.Hierarchy!.UsesAny)
        {
            WriteAnyMemberOverrides();
        }
        else if (!Level.IsRoot)
        {
            ProtoField member = Level.MemberInBase!;
            W.Line($"/// <summary>This level, as the {member.Name} field of {Level.Base!.Name}'s level.</summary>");
            W.Line(Hidden);
            W.Open($"protected override int Inkwell_SubtypeSize{BaseDepth}()");
            W.Line("int size = Inkwell_LevelSize();");
            W.Line($"return {TypeNames.VarintSize(member.Tag).ToString(CultureInfo.InvariantCulture)} + pb::CodedOutputStream.ComputeLengthSize(size) + size;");
            W.Close();
            W.Line();
            W.WriteForEachBuild(useWriteContext =>
            {
                W.Line(Hidden);
                W.Open($"protected override void Inkwell_WriteSubtype{BaseDepth}({WriteSubtypeParameters(useWriteContext)})");
                W.Line($"output.WriteRawTag({TypeNames.TagBytes(member.Tag)});");
                W.Line(useWriteContext ? $"output.WriteLength(sizesCached ? {SizeCache.Field} : Inkwell_LevelSize());" : "output.WriteLength(Inkwell_LevelSize());");
                W.Line(useWriteContext ? "Inkwell_WriteLevelCached(ref output);" : "Inkwell_WriteLevel(output);");
                W.Close();
            });
            W.Line();
        }
    }

    private void WriteLevelBody(bool sizesCached, bool useWriteContext = true)
    {
        // The subtype field sits where its tag falls among this level's fields (after all of them when
        // the declared range is above them, as usual), so the bytes are the lowered schema's.
        // EXTENSIONS: the subtype is an extension, which protoc's code writes after every field.
        int subtypeTag = Level.SubtypeOneof?.Fields.Min(f => f.Number) ?? Level.AnyField?.Number ?? int.MaxValue;
        bool subtypeWritten = !Level.HasSubtypes;
        foreach (ProtoField field in _messageEmitter.FieldsByNumber.Where(f => Level.IsLevelField(f) || f == Level.TypeField))
        {
            if (!subtypeWritten && field.Number > subtypeTag)
            {
                WriteSubtypeCall(sizesCached, useWriteContext);
                subtypeWritten = true;
            }
            if (field == Level.TypeField)
            {
                W.Line($"int inkwellTag = Inkwell_SubtypeTag{Depth}();");
                W.Open("if (inkwellTag != 0)");
                W.Line($"output.WriteRawTag({TypeNames.TagBytes(field.Tag)});");
                W.Line("output.WriteInt32(inkwellTag);");
                W.Close();
                continue;
            }
            if (useWriteContext)
            {
                EmitterFor(field).WriteCachedSerialization(sizesCached);
            }
            else
            {
                EmitterFor(field).WriteSerialization(useWriteContext: false);
            }
        }
        if (!subtypeWritten)
        {
            WriteSubtypeCall(sizesCached, useWriteContext);
        }
        W.Open("if (_unknownFields != null)");
        W.Line($"_unknownFields.WriteTo({RefIf(useWriteContext)}output);");
        W.Close();
    }

    private void WriteSubtypeCall(bool sizesCached, bool useWriteContext) =>
        W.Line(useWriteContext
            ? $"Inkwell_WriteSubtype{Depth}(ref output, {(sizesCached ? "true" : "false")});"
            : $"Inkwell_WriteSubtype{Depth}(output);");
}
