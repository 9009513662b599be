using System.Globalization;
using System.Linq;
using Inkwell.Protobuf.CSharp.Internal.Emit.Fields;
using Inkwell.Protobuf.CSharp.Internal.Model;

namespace Inkwell.Protobuf.CSharp.Internal.Emit;

/// <summary>
/// A message of a class hierarchy (any encoding): <c>Cat : Animal</c>. Each class holds one level of
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
            ? $"pb::IMessage<{ClassName}>{ExtendableInterface(ClassName)}"
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
            WriteExtensionSetMembers(ClassName, "this");
        }
        WriteHierarchyFramework();
        WriteSubtypeExtensionHooks();
        WriteHierarchySerialization();
        WriteHierarchyMerging();
        WriteHierarchyParsing();
        WriteHierarchyReaders();
        WriteSwapLevel();
        WriteNestedTypes();
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

    /// <summary>An empty object of a subtype for a parse to read its level into.</summary>
    private static string NewReader(ProtoMessage subtype) =>
        subtype.Hierarchy!.HasSubtypes ? $"{subtype.ClassName}.{RentReader(subtype.Hierarchy.Depth)}()" : $"new {subtype.ClassName}()";

    /// <summary>
    /// Each class's reader slot is its own, named by depth: it hides nothing, so a subtype compiled into another
    /// assembly (where the base's internal member is not visible) declares it the same way.
    /// </summary>
    private static string RentReader(int depth) => "Inkwell_RentReader" + depth.ToString(CultureInfo.InvariantCulture);

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
