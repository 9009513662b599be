using System.Collections.Generic;
using System.Globalization;
using Inkwell.Protobuf.CSharp.Internal.Emit.Fields;
using Inkwell.Protobuf.CSharp.Internal.Model;

namespace Inkwell.Protobuf.CSharp.Internal.Emit.Hierarchy;

/// <summary>
/// Writes the class of a message of a class hierarchy (any encoding): <c>Cat : Animal</c>. Each class holds one level
/// of the root envelope; every object serializes as its root envelope, its level nested in its base's subtype field.
/// The members protoc generates keep their names; what the hierarchy needs is in <c>Inkwell_</c> members
/// (docs/csharp.md, "Class hierarchies", explains the design). The members written as for any message (fields,
/// oneofs, nested types, a field's parse case) come from the message's <see cref="MessageEmitter"/>; each part of
/// this class writes one concern, named by its file.
/// </summary>
internal sealed partial class HierarchyEmitter
{
    private const string Hidden = HierarchyMemberNames.Hidden;

    private readonly EmitContext _context;
    private readonly MessageEmitter _messageEmitter;
    private readonly ProtoMessage _message;

    public HierarchyEmitter(EmitContext context, MessageEmitter messageEmitter)
    {
        _context = context;
        _messageEmitter = messageEmitter;
        _message = messageEmitter.Message;
    }

    private CodeWriter W => _context.Writer;

    private HierarchyLevel Level => _message.Hierarchy!;

    private string ClassName => _messageEmitter.ClassName;

    private string RootClassName => Level.Root.ClassName;

    private string Depth => Level.Depth.ToString(CultureInfo.InvariantCulture);

    /// <summary>The depth of the level this class's subtypes hook into (its base's depth).</summary>
    private string BaseDepth => (Level.Depth - 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>The depth of this class's subtypes' levels, which its parse cases read.</summary>
    private string SubtypeDepth => (Level.Depth + 1).ToString(CultureInfo.InvariantCulture);

    private string New => Level.IsRoot ? "" : "new ";

    /// <summary>The root declares each chained hook; every subtype overrides it.</summary>
    private string VirtualOrOverride => Level.IsRoot ? "virtual" : "override";

    private IEnumerable<ProtoField> LevelFields => _messageEmitter.LevelFields;

    private IEnumerable<FieldEmitter> LevelEmitters => _messageEmitter.LevelEmitters;

    private IEnumerable<ProtoOneof> LevelOneofs => _messageEmitter.LevelOneofs;

    private FieldEmitter EmitterFor(ProtoField field) => _messageEmitter.EmitterFor(field);

    public void Emit()
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
            W.WriteUsualBuildOnly("    , pb::IBufferMessage");
        }
        W.Line("{");
        W.Indent();
        WriteStaticsAndState();
        if (Level.IsRoot)
        {
            W.Line("// Every object of the hierarchy is written as this root envelope, so reflection sees the root.");
            _context.WriteGeneratedCodeAttributes();
            W.Open("pbr::MessageDescriptor pb::IMessage.Descriptor");
            W.Line("get { return Descriptor; }");
            W.Close();
            W.Line();
            WriteRootParserClass();
            WriteAnyJsonParser();
        }
        _messageEmitter.WriteConstructor();
        WriteCloning();
        _messageEmitter.WriteFieldMembers();
        _messageEmitter.WriteOneofMembers();
        if (!Level.IsRoot)
        {
            WriteLevelView();
        }
        else
        {
            WriteSubtypeMembersForReflection("this");
            WriteExtensionSetMembers(ClassName, "this");
        }
        WriteEquality();
        WriteSubtypeExtensionHooks();
        WriteSerialization();
        WriteMerging();
        WriteParsing();
        WriteReaderReuse();
        WriteSwapLevel();
        // Not nested types, but the last members of a hierarchy class, before them.
        WriteJsonSupport();
        _messageEmitter.WriteNestedTypes();
        W.Close();
        W.Line();
    }

    /// <summary>The parsers, the level's state (presence bits, size cache, held subtype) and the descriptor.</summary>
    private void WriteStaticsAndState()
    {
        W.Line($"private static readonly pb::MessageParser<{ClassName}> _unresolvedParser = new pb::MessageParser<{ClassName}>(() => new {ClassName}());");
        W.Line($"private static readonly {RootClassName}.HierarchyParser<{ClassName}> _parser = new {RootClassName}.HierarchyParser<{ClassName}>(_unresolvedParser);");
        W.Line("private pb::UnknownFieldSet _unknownFields;");
        W.Line($"private int {SizeCache.Field};");
        for (int i = 0; i < _messageEmitter.HasBitFieldCount; i++)
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
        W.Line($"public static {New}{RootClassName}.HierarchyParser<{ClassName}> Parser {{ get {{ return _parser; }} }}");
        W.Line();
        W.Line($"/// <summary>The lowered descriptor of this level ({_message.FullName}).</summary>");
        _messageEmitter.WriteDescriptorProperty(New);
        W.Line();
    }
}
