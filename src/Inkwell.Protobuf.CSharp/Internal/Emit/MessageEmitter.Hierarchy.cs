using System.Globalization;
using System.Linq;
using Inkwell.Protobuf.CSharp.Internal.Emit.Fields;
using Inkwell.Protobuf.CSharp.Internal.Model;

namespace Inkwell.Protobuf.CSharp.Internal.Emit;

/// <summary>
/// A message of a class hierarchy (ONEOF encoding): <c>Cat : Animal</c>. Each class holds one level of
/// the root envelope; every object serializes as its root envelope, its level nested in its base's
/// subtype field. The members protoc generates keep their names; what the hierarchy needs is in
/// <c>Inkwell_</c> members (docs/csharp.md, "Class hierarchies", explains the design).
/// </summary>
internal sealed partial class MessageEmitter
{
    private HierarchyLevel Level => _message.Hierarchy!;

    private string RootName => Level.Root.ClassName;

    private string Depth => Level.Depth.ToString(CultureInfo.InvariantCulture);

    /// <summary>The depth of the level this class's subtypes hook into (its base's depth).</summary>
    private string BaseDepth => (Level.Depth - 1).ToString(CultureInfo.InvariantCulture);

    private string New => Level.IsRoot ? "" : "new ";

    /// <summary>The root declares each chained hook; every subtype overrides it.</summary>
    private string VirtualOrOverride => Level.IsRoot ? "virtual" : "override";

    private void EmitHierarchyClass()
    {
        _context.Comments.Write(W, _message.Path);
        if (_message.IsDeprecated)
        {
            W.Line("[global::System.ObsoleteAttribute]");
        }
        W.Line("[global::System.Diagnostics.DebuggerDisplayAttribute(\"{ToString(),nq}\")]");
        string sealedModifier = Level.HasSubtypes || Level.IsRoot ? "" : "sealed ";
        string baseList = Level.IsRoot
            ? $"pb::IMessage<{ClassName}>"
            : $"{Level.Base!.ClassName}, pb::IMessage<{ClassName}>";
        W.Line($"{_context.AccessLevel} {sealedModifier}partial class {ClassName} : {baseList}");
        if (Level.IsRoot)
        {
            WriteOutsideCompatibilityMode("    , pb::IBufferMessage");
        }
        W.Line("{");
        W.Indent();
        W.Line($"private static readonly pb::MessageParser<{ClassName}> _unresolvedParser = new pb::MessageParser<{ClassName}>(() => new {ClassName}());");
        W.Line($"private static readonly {RootName}.HierarchyParser<{ClassName}> _parser = new {RootName}.HierarchyParser<{ClassName}>(_unresolvedParser);");
        W.Line("private pb::UnknownFieldSet _unknownFields;");
        W.Line($"private int {SizeCache.Field};");
        for (int i = 0; i < _hasBitFieldCount; i++)
        {
            W.Line($"private int _hasBits{i.ToString(CultureInfo.InvariantCulture)};");
        }
        if (Level.HasSubtypes)
        {
            W.Line("// A subtype read into an object of exactly this class (by a parser that made it before it saw the");
            W.Line("// subtype), until Inkwell_ResolveSubtypes moves this level into it.");
            W.Line($"private {ClassName} _inkwellSubtype;");
        }
        if (Level.UsesExtensions)
        {
            W.Line("// EXTENSIONS: the type field as read, kept for a subtype this code does not know.");
            W.Line("private int _inkwellStoredTag;");
        }
        if (Level.IsRoot)
        {
            W.Line("// Which level of the envelope the next InternalMergeFrom reads (0: the root's).");
            W.Line("private int _inkwellMergeDepth;");
        }
        W.Line($"/// <summary>Parses the root envelope into the most-derived class it holds, as a {_message.Name}.</summary>");
        _context.WriteGeneratedCodeAttributes();
        W.Line($"public static {New}{RootName}.HierarchyParser<{ClassName}> Parser {{ get {{ return _parser; }} }}");
        W.Line();
        W.Line($"/// <summary>The lowered descriptor of this level ({_message.FullName}).</summary>");
        WriteDescriptorProperty(New);
        W.Line();
        if (Level.IsRoot)
        {
            W.Line("// Every object of the hierarchy is written as this root envelope, so reflection sees the root.");
            _context.WriteGeneratedCodeAttributes();
            W.Open("pbr::MessageDescriptor pb::IMessage.Descriptor");
            W.Line("get { return Descriptor; }");
            W.Close();
            W.Line();
            WriteHierarchyParserClass();
            WriteAnyJsonParser();
        }
        WriteConstructor();
        WriteHierarchyCloning();
        WriteFieldMembers();
        WriteOneofMembers();
        if (!Level.IsRoot)
        {
            WriteLevelView();
        }
        else
        {
            WriteSubtypeMembersForReflection("this");
        }
        WriteHierarchyFramework();
        WriteHierarchySerialization();
        WriteHierarchyMerging();
        WriteHierarchyParsing();
        WriteHierarchyReaders();
        WriteSwapLevel();
        WriteNestedTypes();
        W.Close();
        W.Line();
    }

    private void WriteHierarchyParserClass()
    {
        string r = ClassName;
        W.Line($"/// <summary>Parses {_message.Name}'s root envelope into the most-derived class it holds.</summary>");
        W.Line($"/// <typeparam name=\"T\">The class the caller expects: {_message.Name} or one of its subtypes.</typeparam>");
        W.Open($"public sealed class HierarchyParser<T> where T : {r}, pb::IMessage<T>, new()");
        W.Line("private readonly pb::MessageParser<T> _unresolved;");
        W.Line();
        W.Line("// Reads with the root's parser, since the bytes may hold any class of the hierarchy.");
        W.Open("internal HierarchyParser(pb::MessageParser<T> unresolved)");
        W.Line("_unresolved = unresolved;");
        W.Close();
        W.Line();
        W.Line("/// <summary>");
        W.Line("/// A Google.Protobuf parser for this class (for reflection, codecs and APIs that need a MessageParser):");
        W.Line("/// it creates a T before it reads, so a subtype stays inside it until <see cref=\"Resolve\"/>.");
        W.Line("/// </summary>");
        W.Line("public pb::MessageParser<T> Unresolved { get { return _unresolved; } }");
        W.Line();
        WriteParseMethod("byte[] data", "data");
        WriteParseMethod("byte[] data, int offset, int length", "data, offset, length");
        WriteParseMethod("pb::ByteString data", "data");
        WriteParseMethod("global::System.IO.Stream input", "input");
        WriteParseMethod("pb::CodedInputStream input", "input");
        W.Line("#if !" + RefStructCompatibilityMode);
        WriteParseMethod("global::System.Buffers.ReadOnlySequence<byte> data", "data");
        WriteParseMethod("global::System.ReadOnlySpan<byte> data", "data");
        W.Line("#endif");
        W.Line("/// <summary>Parses a length-delimited message.</summary>");
        W.Open("public T ParseDelimitedFrom(global::System.IO.Stream input)");
        W.Line("return ResolveParsed(_unresolvedParser.ParseDelimitedFrom(input));");
        W.Close();
        WriteResolveParsed();
        W.Line("/// <summary>Parses JSON in the lowered schema's form.</summary>");
        W.Open("public T ParseJson(string json)");
        W.Line(AnySubtypes.Count > 0
            ? $"return Resolve({JsonParserProperty}.Parse<T>(json));"
            : "return Resolve(_unresolvedParser.ParseJson(json));");
        W.Close();
        W.Line();
        W.Line("/// <summary>");
        W.Line("/// The most-derived message that a message read by another route (reflection, a MessageParser,");
        W.Line("/// Any.Unpack) holds: the subtype, with every level above it moved in, or the message itself.");
        W.Line("/// </summary>");
        W.Line("/// <exception cref=\"global::System.InvalidCastException\">The message holds a subtype that is not a T.</exception>");
        W.Open($"public T Resolve({r} message)");
        W.Open("if (message == null)");
        W.Line("throw new global::System.ArgumentNullException(\"message\");");
        W.Close();
        W.Line("return As(message.Inkwell_ResolveSubtypes());");
        W.Close();
        W.Line();
        W.Open($"private static T As({r} resolved)");
        W.Line("T result = resolved as T;");
        W.Open("if (result == null)");
        W.Line("throw new global::System.InvalidCastException(\"The message is a \" + resolved.GetType().FullName + \", not a \" + typeof(T).FullName + \".\");");
        W.Close();
        W.Line("return result;");
        W.Close();
        W.Close();
        W.Line();
    }

    private void WriteParseMethod(string parameters, string arguments)
    {
        W.Line("/// <summary>Parses a message, returning the most-derived class it holds.</summary>");
        W.Open($"public T ParseFrom({parameters})");
        W.Line($"return ResolveParsed(_unresolvedParser.ParseFrom({arguments}));");
        W.Close();
    }

    /// <summary>Resolve for a message this parser just read, whose held subtypes take its levels by exchange.</summary>
    private void WriteResolveParsed()
    {
        W.Open($"private static T ResolveParsed({ClassName} message)");
        if (!Level.HasSubtypes)
        {
            W.Line("return As(message);");
            W.Close();
            W.Line();
            return;
        }
        W.Line($"{ClassName} resolved = message.Inkwell_ResolveParsed();");
        W.Open("if (!ReferenceEquals(resolved, message))");
        W.Line("message.Inkwell_Recycle();");
        W.Close();
        W.Line("return As(resolved);");
        W.Close();
        W.Line();
    }

    private void WriteHierarchyCloning()
    {
        _context.WriteGeneratedCodeAttributes();
        W.Open($"public {ClassName}({ClassName} other) : {(Level.IsRoot ? "this()" : "base(other)")}");
        if (!Level.IsRoot)
        {
            W.Line("OnConstruction();");
        }
        for (int i = 0; i < _hasBitFieldCount; i++)
        {
            string n = i.ToString(CultureInfo.InvariantCulture);
            W.Line($"_hasBits{n} = other._hasBits{n};");
        }
        foreach (ProtoField field in LevelFields)
        {
            if (field.RealOneof is null)
            {
                EmitterFor(field).WriteCloning();
            }
        }
        WriteOneofSwitches(LevelOneofs, f => EmitterFor(f).WriteCloning());
        if (Level.HasSubtypes)
        {
            W.Line($"_inkwellSubtype = other._inkwellSubtype != null ? ({ClassName}) other._inkwellSubtype.Inkwell_Clone() : null;");
        }
        if (Level.UsesExtensions)
        {
            W.Line("_inkwellStoredTag = other._inkwellStoredTag;");
        }
        W.Line("_unknownFields = pb::UnknownFieldSet.Clone(other._unknownFields);");
        W.Close();
        W.Line();
        W.Line("/// <summary>A deep copy, of the same class as this object.</summary>");
        _context.WriteGeneratedCodeAttributes();
        W.Open($"public {New}{ClassName} Clone()");
        W.Line(Level.IsRoot ? "return Inkwell_Clone();" : $"return ({ClassName}) Inkwell_Clone();");
        W.Close();
        W.Line();
        W.Line("/// <summary>Copies this object as its own class (overridden by every subtype).</summary>");
        W.Line(Hidden);
        W.Open($"protected {VirtualOrOverride} {RootName} Inkwell_Clone()");
        W.Line($"return new {ClassName}(this);");
        W.Close();
        W.Line();
    }

    private void WriteHierarchyFramework()
    {
        string r = RootName;
        if (Level.IsRoot)
        {
            _context.WriteGeneratedCodeAttributes();
            W.Open("public override bool Equals(object other)");
            W.Line($"return Equals(other as {r});");
            W.Close();
            W.Line();
            W.Line("/// <summary>Equal when of the same class with equal fields at every level.</summary>");
            _context.WriteGeneratedCodeAttributes();
            W.Open($"public bool Equals({r} other)");
            W.Open("if (ReferenceEquals(other, null))");
            W.Line("return false;");
            W.Close();
            W.Open("if (ReferenceEquals(other, this))");
            W.Line("return true;");
            W.Close();
            W.Line("return GetType() == other.GetType() && Inkwell_LevelsEqual(other);");
            W.Close();
            W.Line();
            _context.WriteGeneratedCodeAttributes();
            W.Open("public override int GetHashCode()");
            W.Line("return Inkwell_LevelsHash(GetType().GetHashCode());");
            W.Close();
            W.Line();
            _context.WriteGeneratedCodeAttributes();
            W.Open("public override string ToString()");
            W.Line("return pb::JsonFormatter.ToDiagnosticString(this);");
            W.Close();
            W.Line();
        }
        else
        {
            _context.WriteGeneratedCodeAttributes();
            W.Open($"public bool Equals({ClassName} other)");
            W.Line($"return Equals(({r}) other);");
            W.Close();
            W.Line();
        }
        string parameter = Level.IsRoot ? "other" : "inkwellOther";
        W.Line("/// <summary>Compares this level and the levels above it; the caller checked the classes are equal.</summary>");
        W.Line(Hidden);
        W.Open($"protected {VirtualOrOverride} bool Inkwell_LevelsEqual({r} {parameter})");
        if (!Level.IsRoot)
        {
            W.Open($"if (!base.Inkwell_LevelsEqual({parameter}))");
            W.Line("return false;");
            W.Close();
            W.Line($"{ClassName} other = ({ClassName}) {parameter};");
        }
        foreach (FieldEmitter field in LevelEmitters)
        {
            field.WriteEquals();
        }
        foreach (ProtoOneof oneof in LevelOneofs)
        {
            W.Line($"if ({oneof.PropertyName}Case != other.{oneof.PropertyName}Case) return false;");
        }
        if (Level.HasSubtypes)
        {
            W.Line("if (!object.Equals(_inkwellSubtype, other._inkwellSubtype)) return false;");
        }
        if (Level.UsesExtensions)
        {
            // The tag a subtype object was read with says nothing its class does not.
            W.Line($"if (Inkwell_SubtypeTag{Depth}() != other.Inkwell_SubtypeTag{Depth}()) return false;");
        }
        W.Line("return Equals(_unknownFields, other._unknownFields);");
        W.Close();
        W.Line();
        W.Line("/// <summary>Mixes this level and the levels above it into a hash.</summary>");
        W.Line(Hidden);
        W.Open($"protected {VirtualOrOverride} int Inkwell_LevelsHash(int hash)");
        if (!Level.IsRoot)
        {
            W.Line("hash = base.Inkwell_LevelsHash(hash);");
        }
        foreach (FieldEmitter field in LevelEmitters)
        {
            field.WriteHash();
        }
        foreach (ProtoOneof oneof in LevelOneofs)
        {
            W.Line($"hash ^= (int) {oneof.CaseFieldName};");
        }
        if (Level.HasSubtypes)
        {
            W.Open("if (_inkwellSubtype != null)");
            W.Line("hash ^= _inkwellSubtype.GetHashCode();");
            W.Close();
        }
        if (Level.UsesExtensions)
        {
            W.Line($"hash ^= Inkwell_SubtypeTag{Depth}();");
        }
        W.Open("if (_unknownFields != null)");
        W.Line("hash ^= _unknownFields.GetHashCode();");
        W.Close();
        W.Line("return hash;");
        W.Close();
        W.Line();
    }

    private void WriteHierarchySerialization()
    {
        if (Level.IsRoot)
        {
            _context.WriteGeneratedCodeAttributes();
            W.Open("public void WriteTo(pb::CodedOutputStream output)");
            WriteDirective("#if !" + RefStructCompatibilityMode);
            W.Line("output.WriteRawMessage(this);");
            WriteDirective("#else");
            W.Line("Inkwell_WriteLevel(output);");
            WriteDirective("#endif");
            W.Close();
            W.Line();
            W.Line("#if !" + RefStructCompatibilityMode);
            _context.WriteGeneratedCodeAttributes();
            W.Open("void pb::IBufferMessage.InternalWriteTo(ref pb::WriteContext output)");
            W.Line("Inkwell_WriteLevel(ref output);");
            W.Close();
            W.Line();
            _context.WriteGeneratedCodeAttributes();
            W.Open($"internal void {SizeCache.WriteMethod}(ref pb::WriteContext output)");
            W.Line("Inkwell_WriteLevelCached(ref output);");
            W.Close();
            W.Line("#endif");
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
        W.Line("#if !" + RefStructCompatibilityMode);
        W.Line("// Writes this level, computing nested sizes once.");
        W.Open("private void Inkwell_WriteLevel(ref pb::WriteContext output)");
        WriteLevelBody(sizesCached: false);
        W.Close();
        W.Line();
        W.Line("// Writes this level right after Inkwell_LevelSize cached every size below it.");
        W.Open("private void Inkwell_WriteLevelCached(ref pb::WriteContext output)");
        WriteLevelBody(sizesCached: true);
        W.Close();
        W.Line("#else");
        W.Open("private void Inkwell_WriteLevel(pb::CodedOutputStream output)");
        WriteLevelBody(sizesCached: false, useWriteContext: false);
        W.Close();
        W.Line("#endif");
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
            WriteForEitherContext(useWriteContext =>
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
            WriteForEitherContext(useWriteContext =>
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
        foreach (ProtoField field in _fieldsByNumber.Where(f => Level.IsLevelField(f) || f == Level.TypeField))
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

    private void WriteHierarchyMerging()
    {
        string r = RootName;
        if (Level.IsRoot)
        {
            W.Line("/// <summary>");
            W.Line("/// Merges another message in: level by level when this object's class is the other's or derives");
            W.Line("/// from it, else as protobuf merges bytes (a subtype this object cannot become stays as unknown fields).");
            W.Line("/// </summary>");
            _context.WriteGeneratedCodeAttributes();
            W.Open($"public void MergeFrom({r} other)");
            W.Open("if (other == null)");
            W.Line("return;");
            W.Close();
            W.Open("if (!other.GetType().IsAssignableFrom(GetType()))");
            W.Line("pb::MessageExtensions.MergeFrom(this, pb::MessageExtensions.ToByteString(other));");
            W.Line("return;");
            W.Close();
            W.Line("Inkwell_MergeLevels(other);");
            W.Close();
            W.Line();
        }
        else
        {
            _context.WriteGeneratedCodeAttributes();
            W.Open($"public void MergeFrom({ClassName} other)");
            W.Line($"MergeFrom(({r}) other);");
            W.Close();
            W.Line();
        }
        string parameter = Level.IsRoot ? "other" : "inkwellOther";
        W.Line("/// <summary>Merges the levels of another message that this object's class has.</summary>");
        W.Line(Hidden);
        W.Open($"protected {VirtualOrOverride} void Inkwell_MergeLevels({r} {parameter})");
        if (!Level.IsRoot)
        {
            W.Line($"base.Inkwell_MergeLevels({parameter});");
            W.Line($"{ClassName} other = {parameter} as {ClassName};");
            W.Open("if (other == null)");
            W.Line("return;");
            W.Close();
        }
        W.Line("Inkwell_MergeLevelFrom(other);");
        W.Close();
        W.Line();
        W.Open($"private void Inkwell_MergeLevelFrom({ClassName} other)");
        foreach (ProtoField field in LevelFields)
        {
            if (field.RealOneof is null)
            {
                EmitterFor(field).WriteMerging();
            }
        }
        WriteOneofSwitches(LevelOneofs, f => EmitterFor(f).WriteMerging());
        if (Level.HasSubtypes)
        {
            W.Open("if (other._inkwellSubtype != null)");
            W.Open("if (_inkwellSubtype == null)");
            W.Line($"_inkwellSubtype = ({ClassName}) other._inkwellSubtype.Inkwell_Clone();");
            W.Close();
            W.Open("else");
            W.Line("_inkwellSubtype.MergeFrom(other._inkwellSubtype);");
            W.Close();
            W.Close();
        }
        if (Level.UsesExtensions)
        {
            W.Open("if (other._inkwellStoredTag != 0)");
            W.Line("_inkwellStoredTag = other._inkwellStoredTag;");
            W.Close();
        }
        W.Line("_unknownFields = pb::UnknownFieldSet.MergeFrom(_unknownFields, other._unknownFields);");
        W.Close();
        W.Line();
        if (Level.HasSubtypes)
        {
            WriteResolve();
        }
        else if (Level.IsRoot)
        {
            W.Line("/// <summary>A root without subtypes in this compilation holds nothing to resolve.</summary>");
            W.Line(Hidden);
            W.Open($"protected internal virtual {RootName} Inkwell_ResolveSubtypes()");
            W.Line("return this;");
            W.Close();
            W.Line();
        }
    }

    private void WriteResolve()
    {
        string r = RootName;
        W.Line("/// <summary>");
        W.Line("/// Returns the most-derived object this one holds: itself, or the subtype a parser read into it with");
        W.Line("/// this level and the levels above moved in.");
        W.Line("/// </summary>");
        W.Line(Hidden);
        W.Open($"protected internal {VirtualOrOverride} {r} Inkwell_ResolveSubtypes()");
        W.Open("if (_inkwellSubtype == null)");
        W.Line(Level.IsRoot ? "return this;" : "return base.Inkwell_ResolveSubtypes();");
        W.Close();
        W.Line($"{ClassName} subtype = ({ClassName}) _inkwellSubtype.Inkwell_ResolveSubtypes();");
        W.Line("_inkwellSubtype = null;");
        W.Line($"subtype.Inkwell_TakeLevels{Depth}(this);");
        W.Line("return subtype;");
        W.Close();
        W.Line();
        W.Line("/// <summary>Moves this level and the ones above it from a parsed object of exactly this class.</summary>");
        W.Line(Hidden);
        W.Open($"protected void Inkwell_TakeLevels{Depth}({ClassName} other)");
        if (!Level.IsRoot)
        {
            // The nearest base with subtypes is the direct base (it has this class as one).
            W.Line($"Inkwell_TakeLevels{BaseDepth}(other);");
        }
        W.Line("Inkwell_MergeLevelFrom(other);");
        W.Close();
        W.Line();
    }

    private void WriteHierarchyParsing()
    {
        if (Level.IsRoot)
        {
            _context.WriteGeneratedCodeAttributes();
            W.Open("public void MergeFrom(pb::CodedInputStream input)");
            WriteDirective("#if !" + RefStructCompatibilityMode);
            W.Line("input.ReadRawMessage(this);");
            WriteDirective("#else");
            WriteMergeAtRequestedDepth(useParseContext: false);
            WriteDirective("#endif");
            W.Close();
            W.Line();
            W.Line("#if !" + RefStructCompatibilityMode);
            _context.WriteGeneratedCodeAttributes();
            W.Open("void pb::IBufferMessage.InternalMergeFrom(ref pb::ParseContext input)");
            WriteMergeAtRequestedDepth(useParseContext: true);
            W.Close();
            W.Line("#endif");
            W.Line();
            WriteMergeLevelBytes();
        }
        WriteMapValueResolution();
        if (ReadsAnySubtypes)
        {
            WriteAnyParsing();
        }
        WriteForEitherContext(WriteLevelParsing);
        W.Line();
    }

    private void WriteMergeAtRequestedDepth(bool useParseContext)
    {
        W.Line("int depth = _inkwellMergeDepth;");
        W.Line("_inkwellMergeDepth = 0;");
        W.Open("if (depth == 0)");
        W.Line($"Inkwell_MergeLevel({RefIf(useParseContext)}input);");
        W.Close();
        W.Open("else");
        W.Line($"Inkwell_MergeAtDepth(depth, {RefIf(useParseContext)}input);");
        W.Close();
    }

    /// <summary>
    /// The members that read a level: the root's <c>Inkwell_ReadLevel</c>, <c>Inkwell_MergeAtDepth</c>, ANY's
    /// <c>Inkwell_MergeAny</c> and <c>Inkwell_MergeLevel</c>.
    /// </summary>
    private void WriteLevelParsing(bool useParseContext)
    {
        string reference = RefIf(useParseContext);
        if (Level.IsRoot)
        {
            W.Line("/// <summary>Reads one length-delimited level of the envelope (or, at ~depth, its Any) into this object.</summary>");
            W.Line(Hidden);
            W.Open($"protected void Inkwell_ReadLevel(int depth, {ParseParameter(useParseContext)})");
            W.Line("_inkwellMergeDepth = depth;");
            W.Open("try");
            W.Line("input.ReadMessage(this);");
            W.Close();
            W.Open("finally");
            W.Line("_inkwellMergeDepth = 0;");
            W.Close();
            W.Close();
            W.Line();
        }
        W.Line("/// <summary>Reads the level at a depth below the root (overridden by every subtype).</summary>");
        W.Line(Hidden);
        W.Open($"protected {VirtualOrOverride} void Inkwell_MergeAtDepth(int depth, {ParseParameter(useParseContext)})");
        if (!Level.IsRoot)
        {
            W.Open($"if (depth == {Depth})");
            W.Line($"Inkwell_MergeLevel({reference}input);");
            W.Line("return;");
            W.Close();
        }
        if (ReadsAnySubtypes)
        {
            W.Open($"if (depth == {AnyDepth})");
            W.Line($"Inkwell_MergeAny({reference}input);");
            W.Line("return;");
            W.Close();
        }
        W.Line(Level.IsRoot
            ? "throw new global::System.InvalidOperationException(\"No level at depth \" + depth + \" in \" + GetType().FullName + \".\");"
            : $"base.Inkwell_MergeAtDepth(depth, {reference}input);");
        W.Close();
        W.Line();
        if (ReadsAnySubtypes)
        {
            WriteMergeAny(useParseContext);
        }
        W.Open($"private void Inkwell_MergeLevel({ParseParameter(useParseContext)})");
        W.Line("uint tag;");
        W.Open("while ((tag = input.ReadTag()) != 0)");
        W.Open("if ((tag & 7) == 4)");
        WriteMapValueResolutionCall();
        W.Line("return;");
        W.Close();
        W.Open("switch (tag)");
        W.Line("default:");
        W.Indent();
        W.Line($"_unknownFields = pb::UnknownFieldSet.MergeFieldFrom(_unknownFields, {reference}input);");
        W.Line("break;");
        W.Outdent();
        if (Level.UsesExtensions)
        {
            W.Line($"case {Level.TypeField!.Tag.ToString(CultureInfo.InvariantCulture)}:");
            W.Indent();
            W.Line("_inkwellStoredTag = input.ReadInt32();");
            W.Line("break;");
            W.Outdent();
            foreach (ProtoMessage subtype in Level.Subtypes)
            {
                // The extension's tag is the subtype's (a subtype from a declaration stub has no extension).
                WriteSubtypeCase(subtype, WireFormat.MakeTag(subtype.Hierarchy!.Tag, WireFormat.LengthDelimited), useParseContext);
            }
        }
        foreach (ProtoField field in _fieldsByNumber)
        {
            if (field == Level.TypeField)
            {
                continue;
            }
            if (field == Level.AnyField)
            {
                // Without subtypes known here, every Any is an unknown subtype's: the default case keeps it.
                if (Level.HasSubtypes)
                {
                    WriteAnyCase(useParseContext);
                }
                continue;
            }
            if (!Level.IsLevelField(field))
            {
                WriteSubtypeCase(field.MessageType!, field.Tag, useParseContext);
                continue;
            }
            WriteFieldCase(field, useParseContext);
        }
        W.Close();
        W.Close();
        WriteMapValueResolutionCall();
        W.Close();
    }

    private void WriteSubtypeCase(ProtoMessage subtype, uint tag, bool useParseContext)
    {
        string depth = (Level.Depth + 1).ToString(CultureInfo.InvariantCulture);
        W.Line($"case {tag.ToString(CultureInfo.InvariantCulture)}: {{");
        W.Indent();
        W.Open($"if (this is {subtype.ClassName})");
        W.Line($"Inkwell_ReadLevel({depth}, {RefIf(useParseContext)}input);");
        W.Close();
        W.Line("// An object of exactly this class keeps the subtype aside until Inkwell_ResolveSubtypes.");
        W.Open($"else if (GetType() == typeof({ClassName}))");
        W.Open($"if (!(_inkwellSubtype is {subtype.ClassName}))");
        W.Line($"_inkwellSubtype = {NewReader(subtype)};");
        W.Close();
        W.Line($"_inkwellSubtype.Inkwell_ReadLevel({depth}, {RefIf(useParseContext)}input);");
        W.Close();
        W.Line("// Another subtype's level: this object cannot become it, so its bytes are kept.");
        W.Open("else");
        W.Line($"_unknownFields = pb::UnknownFieldSet.MergeFieldFrom(_unknownFields, {RefIf(useParseContext)}input);");
        W.Close();
        W.Line("break;");
        W.Close();
    }

    /// <summary>An empty object of a subtype for a parse to read its level into.</summary>
    private static string NewReader(ProtoMessage subtype) =>
        subtype.Hierarchy!.HasSubtypes ? $"{subtype.ClassName}.Inkwell_RentReader()" : $"new {subtype.ClassName}()";

    private System.Collections.Generic.IEnumerable<ProtoField> LevelFields =>
        _message.Fields.Where(f => _message.Hierarchy?.IsLevelField(f) ?? true);

    private System.Collections.Generic.IEnumerable<FieldEmitter> LevelEmitters => LevelFields.Select(EmitterFor);

    private System.Collections.Generic.IEnumerable<ProtoOneof> LevelOneofs =>
        _message.Oneofs.Where(o => o != _message.Hierarchy?.SubtypeOneof);

    private void WriteOneofSwitches(System.Collections.Generic.IEnumerable<ProtoOneof> oneofs, System.Action<ProtoField> writeCase)
    {
        foreach (ProtoOneof oneof in oneofs)
        {
            W.Open($"switch (other.{oneof.PropertyName}Case)");
            foreach (ProtoField field in oneof.Fields)
            {
                W.Line($"case {oneof.CaseEnumName}.{field.OneofCaseName}:");
                W.Indent();
                writeCase(field);
                W.Line("break;");
                W.Outdent();
            }
            W.Close();
            W.Line();
        }
    }
}
