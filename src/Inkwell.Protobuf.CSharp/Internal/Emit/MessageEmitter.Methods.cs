using System.Linq;
using Inkwell.Protobuf.CSharp.Internal.Emit.Fields;
using Inkwell.Protobuf.CSharp.Internal.Model;

namespace Inkwell.Protobuf.CSharp.Internal.Emit;

/// <summary>Equality, hashing, ToString, serialization, size and merging.</summary>
internal sealed partial class MessageEmitter
{
    private void WriteFrameworkMethods()
    {
        _context.WriteGeneratedCodeAttributes();
        W.Open("public override bool Equals(object other)");
        W.Line($"return Equals(other as {ClassName});");
        W.Close();
        W.Line();
        _context.WriteGeneratedCodeAttributes();
        W.Open($"public bool Equals({ClassName} other)");
        W.Open("if (ReferenceEquals(other, null))");
        W.Line("return false;");
        W.Close();
        W.Open("if (ReferenceEquals(other, this))");
        W.Line("return true;");
        W.Close();
        foreach (FieldEmitter field in _fields)
        {
            field.WriteEquals();
        }
        foreach (ProtoOneof oneof in _message.Oneofs)
        {
            W.Line($"if ({oneof.PropertyName}Case != other.{oneof.PropertyName}Case) return false;");
        }
        if (_message.HasExtensionRanges)
        {
            W.Open("if (!Equals(_extensions, other._extensions))");
            W.Line("return false;");
            W.Close();
        }
        W.Line("return Equals(_unknownFields, other._unknownFields);");
        W.Close();
        W.Line();
        _context.WriteGeneratedCodeAttributes();
        W.Open("public override int GetHashCode()");
        W.Line("int hash = 1;");
        foreach (FieldEmitter field in _fields)
        {
            field.WriteHash();
        }
        foreach (ProtoOneof oneof in _message.Oneofs)
        {
            W.Line($"hash ^= (int) {oneof.CaseFieldName};");
        }
        if (_message.HasExtensionRanges)
        {
            W.Open("if (_extensions != null)");
            W.Line("hash ^= _extensions.GetHashCode();");
            W.Close();
        }
        W.Open("if (_unknownFields != null)");
        W.Line("hash ^= _unknownFields.GetHashCode();");
        W.Close();
        W.Line("return hash;");
        W.Close();
        W.Line();
        _context.WriteGeneratedCodeAttributes();
        W.Open("public override string ToString()");
        W.Line("return pb::JsonFormatter.ToDiagnosticString(this);");
        W.Close();
        W.Line();
    }

    private void WriteSerialization()
    {
        _context.WriteGeneratedCodeAttributes();
        W.Open("public void WriteTo(pb::CodedOutputStream output)");
        W.WriteBodyForEachBuild("output.WriteRawMessage(this);", () => WriteSerializationBody(useWriteContext: false));
        W.Close();
        W.Line();
        W.WriteUsualBuildOnly(() =>
        {
            _context.WriteGeneratedCodeAttributes();
            W.Open("void pb::IBufferMessage.InternalWriteTo(ref pb::WriteContext output)");
            WriteSerializationBody(useWriteContext: true);
            W.Close();
            if (CachesSizes)
            {
                W.Line();
                // Called by a parent right after it computed this message's size (which cached every size
                // below), so nested messages reuse their cached sizes: one size pass per write, not one per level.
                _context.WriteGeneratedCodeAttributes();
                W.Open($"internal void {SizeCache.WriteMethod}(ref pb::WriteContext output)");
                WriteSerializationBody(useWriteContext: true, sizesCached: true);
                W.Close();
            }
        });
        W.Line();
        _context.WriteGeneratedCodeAttributes();
        W.Open("public int CalculateSize()");
        W.Line("int size = 0;");
        foreach (FieldEmitter field in _fields)
        {
            field.WriteSize();
        }
        if (_message.HasExtensionRanges)
        {
            W.Open("if (_extensions != null)");
            W.Line("size += _extensions.CalculateSize();");
            W.Close();
        }
        W.Open("if (_unknownFields != null)");
        W.Line("size += _unknownFields.CalculateSize();");
        W.Close();
        if (CachesSizes)
        {
            W.Line($"{SizeCache.Field} = size;");
        }
        W.Line("return size;");
        W.Close();
        W.Line();
        if (CachesSizes)
        {
            _context.WriteGeneratedCodeAttributes();
            W.Open($"internal int {SizeCache.CachedSizeMethod}()");
            W.Line($"return {SizeCache.Field};");
            W.Close();
            W.Line();
        }
    }

    private void WriteSerializationBody(bool useWriteContext, bool sizesCached = false)
    {
        string reference = CompatibilityMode.RefIf(useWriteContext);
        foreach (ProtoField field in _fieldsByNumber)
        {
            if (useWriteContext && CachesSizes)
            {
                EmitterFor(field).WriteCachedSerialization(sizesCached);
            }
            else
            {
                EmitterFor(field).WriteSerialization(useWriteContext);
            }
        }
        if (_message.HasExtensionRanges)
        {
            W.Open("if (_extensions != null)");
            W.Line($"_extensions.WriteTo({reference}output);");
            W.Close();
        }
        W.Open("if (_unknownFields != null)");
        W.Line($"_unknownFields.WriteTo({reference}output);");
        W.Close();
    }

    private void WriteMerging()
    {
        _context.WriteGeneratedCodeAttributes();
        W.Open($"public void MergeFrom({ClassName} other)");
        W.Open("if (other == null)");
        W.Line("return;");
        W.Close();
        foreach (ProtoField field in _message.Fields)
        {
            if (field.RealOneof is null)
            {
                EmitterFor(field).WriteMerging();
            }
        }
        WriteOneofSwitches(_message.Oneofs, field => EmitterFor(field).WriteMerging());
        if (_message.HasExtensionRanges)
        {
            W.Line("pb::ExtensionSet.MergeFrom(ref _extensions, other._extensions);");
        }
        W.Line("_unknownFields = pb::UnknownFieldSet.MergeFrom(_unknownFields, other._unknownFields);");
        W.Close();
        W.Line();
        _context.WriteGeneratedCodeAttributes();
        W.Open("public void MergeFrom(pb::CodedInputStream input)");
        W.WriteBodyForEachBuild("input.ReadRawMessage(this);", () => WriteParsingBody(useParseContext: false));
        W.Close();
        W.Line();
        W.WriteUsualBuildOnly(() =>
        {
            _context.WriteGeneratedCodeAttributes();
            W.Open("void pb::IBufferMessage.InternalMergeFrom(ref pb::ParseContext input)");
            WriteParsingBody(useParseContext: true);
            W.Close();
        });
        W.Line();
        WriteMapValueResolution();
    }

    private void WriteParsingBody(bool useParseContext)
    {
        string reference = CompatibilityMode.RefIf(useParseContext);
        W.Line("uint tag;");
        W.Open("while ((tag = input.ReadTag()) != 0)");
        // protoc's layout: the end-group check sits at the loop's own indentation.
        W.Outdent();
        W.Open("if ((tag & 7) == 4)");
        W.Line("// Abort on any end group tag.");
        WriteMapValueResolutionCall();
        W.Line("return;");
        W.Close();
        W.Line("switch(tag) {");
        W.Indent();
        W.Indent();
        W.Line("default:");
        W.Indent();
        if (_message.HasExtensionRanges)
        {
            W.Open($"if (!pb::ExtensionSet.TryMergeFieldFrom(ref _extensions, {reference}input))");
            W.Line($"_unknownFields = pb::UnknownFieldSet.MergeFieldFrom(_unknownFields, {reference}input);");
            W.Close();
        }
        else
        {
            W.Line($"_unknownFields = pb::UnknownFieldSet.MergeFieldFrom(_unknownFields, {reference}input);");
        }
        W.Line("break;");
        W.Outdent();
        foreach (ProtoField field in _fieldsByNumber)
        {
            WriteFieldCase(field, useParseContext);
        }
        W.Close();
        W.Close();
        WriteMapValueResolutionCall();
    }

    private System.Collections.Generic.List<MapFieldEmitter> HierarchyMaps =>
        [.. LevelEmitters.OfType<MapFieldEmitter>().Where(m => m.HasHierarchyValues)];

    /// <summary>Messages with maps of hierarchy classes resolve their values when a parse ends (nothing for others).</summary>
    public void WriteMapValueResolutionCall()
    {
        if (HierarchyMaps.Count > 0)
        {
            W.Line("Inkwell_ResolveMapValues();");
        }
    }

    public void WriteMapValueResolution()
    {
        if (HierarchyMaps.Count == 0)
        {
            return;
        }
        W.Open("private void Inkwell_ResolveMapValues()");
        foreach (MapFieldEmitter map in HierarchyMaps)
        {
            map.WriteValueResolution();
        }
        W.Close();
        W.Line();
    }

    /// <summary>The <c>case</c> that parses one field.</summary>
    public void WriteFieldCase(ProtoField field, bool useParseContext)
    {
        uint tag = field.Tag;
        if (field.IsPackable)
        {
            // Parsers accept packed and unpacked encodings alike; protoc lists the packed tag first.
            uint packedTag = Internal.WireFormat.MakeTag(field.Number, Internal.WireFormat.LengthDelimited);
            uint unpackedTag = Internal.WireFormat.MakeTag(field.Number, Internal.WireFormat.WireTypeOf(field.Type, packed: false));
            W.Line($"case {packedTag.ToString(System.Globalization.CultureInfo.InvariantCulture)}:");
            tag = unpackedTag;
        }
        W.Line($"case {tag.ToString(System.Globalization.CultureInfo.InvariantCulture)}: {{");
        W.Indent();
        EmitterFor(field).WriteParsing(useParseContext);
        W.Line("break;");
        W.Close();
    }
}
