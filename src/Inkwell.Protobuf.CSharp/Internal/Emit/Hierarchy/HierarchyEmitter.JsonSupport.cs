using System.Globalization;
using Inkwell.Protobuf.CSharp.Internal.Model;

namespace Inkwell.Protobuf.CSharp.Internal.Emit.Hierarchy;

/// <summary>
/// What a hierarchy's root gives the fields of its classes so that reflection (JsonParser) stores resolved
/// objects in them (see <c>Fields.ReflectionMember</c>): the resolving check, and a list and a dictionary over a
/// field's collection that resolve what is added. Generic over the field's declared class, so one copy per root
/// serves every field of the hierarchy's types, in any file, with Google.Protobuf the only dependency.
/// </summary>
internal sealed partial class HierarchyEmitter
{
    /// <summary>The members of a hierarchy class that reflection's writers (JsonParser) need.</summary>
    private void WriteJsonSupport()
    {
        if (Level.IsRoot)
        {
            WriteReflectedFieldSupport();
        }
        if (Level.UsesExtensions)
        {
            WriteReflectedTypeTag();
        }
    }

    /// <summary>
    /// EXTENSIONS: reflection's setter of the type field. JSON has the type field but not the subtype's level (an
    /// extension, which Google.Protobuf's JSON leaves out), so an object of exactly this class that reads a known
    /// subtype's tag holds a new object of that subtype, and resolves to it: a Cat written as JSON is read back as a
    /// Cat (its own level's fields are not in the JSON, as for the lowered schema).
    /// </summary>
    private void WriteReflectedTypeTag()
    {
        W.Open($"private void Inkwell_SetTypeTag{Depth}(int tag)");
        W.Line("_inkwellStoredTag = tag;");
        if (Level.Subtypes.Count > 0)
        {
            W.Line("// JSON has the type field but not the subtype's level (an extension, which it leaves out): hold the subtype it names.");
            W.Open("switch (tag)");
            foreach (ProtoMessage subtype in Level.Subtypes)
            {
                W.Line($"case {subtype.Hierarchy!.Tag.ToString(CultureInfo.InvariantCulture)}:");
                W.Indent();
                W.Line($"{SubtypeTarget(subtype)}();");
                W.Line("break;");
                W.Outdent();
            }
            W.Close();
        }
        W.Close();
        W.Line();
    }

    /// <summary>Written in the root class only, so <see cref="ClassName"/> is the root's.</summary>
    private void WriteReflectedFieldSupport()
    {
        W.Line("/// <summary>");
        W.Line("/// For reflection, which builds a message of a field of this hierarchy as this class: the most-derived object");
        W.Line("/// <paramref name=\"message\"/> holds, which must be a <typeparamref name=\"T\"/> (the field's declared class).");
        W.Line("/// </summary>");
        W.Line("/// <exception cref=\"global::System.IO.IOException\">The message is of another class (data that does not fit the schema, as JsonParser reports it).</exception>");
        W.Line(Hidden);
        W.Open($"public static T Inkwell_ResolveReflected<T>({ClassName} message, string field) where T : {ClassName}");
        W.Open("if (message == null)");
        W.Line("return null;");
        W.Close();
        W.Line($"{ClassName} resolved = message.Inkwell_ResolveSubtypes();");
        W.Line("T result = resolved as T;");
        W.Open("if (result == null)");
        W.Line("throw new global::System.IO.IOException(\"Field \" + field + \" holds a \" + resolved.GetType().FullName + \", not a \" + typeof(T).FullName + \".\");");
        W.Close();
        W.Line("return result;");
        W.Close();
        W.Line();
        WriteReflectedList();
        WriteReflectedMap();
    }

    private void WriteReflectedList()
    {
        W.Line("/// <summary>For reflection: a repeated field of this hierarchy that stores each message added as the most-derived object it holds.</summary>");
        W.Line("/// <typeparam name=\"T\">The field's declared class.</typeparam>");
        W.Line(Hidden);
        W.Open($"public sealed class Inkwell_ReflectedList<T> : global::System.Collections.IList where T : {ClassName}");
        W.Line("private readonly pbc::RepeatedField<T> _list;");
        W.Line("private readonly string _field;");
        W.Line();
        W.Line("/// <summary>A view of one field's list.</summary>");
        W.Open("public Inkwell_ReflectedList(pbc::RepeatedField<T> list, string field)");
        W.Line("_list = list;");
        W.Line("_field = field;");
        W.Close();
        W.Line();
        W.Line("private global::System.Collections.IList List { get { return _list; } }");
        W.Line($"private T Resolved(object value) {{ return Inkwell_ResolveReflected<T>(({ClassName}) value, _field); }}");
        W.Line("/// <summary>The element at an index; a message set is stored resolved.</summary>");
        W.Open("public object this[int index]");
        W.Line("get { return _list[index]; }");
        W.Line("set { _list[index] = Resolved(value); }");
        W.Close();
        W.Line("/// <summary>Adds the most-derived object the message holds.</summary>");
        W.Line("public int Add(object value) { _list.Add(Resolved(value)); return _list.Count - 1; }");
        W.Line("/// <summary>Inserts the most-derived object the message holds.</summary>");
        W.Line("public void Insert(int index, object value) { _list.Insert(index, Resolved(value)); }");
        W.Line("public bool IsFixedSize { get { return List.IsFixedSize; } }");
        W.Line("public bool IsReadOnly { get { return List.IsReadOnly; } }");
        W.Line("public int Count { get { return _list.Count; } }");
        W.Line("public bool IsSynchronized { get { return List.IsSynchronized; } }");
        W.Line("public object SyncRoot { get { return List.SyncRoot; } }");
        W.Line("public void Clear() { _list.Clear(); }");
        W.Line("public bool Contains(object value) { return List.Contains(value); }");
        W.Line("public int IndexOf(object value) { return List.IndexOf(value); }");
        W.Line("public void Remove(object value) { List.Remove(value); }");
        W.Line("public void RemoveAt(int index) { _list.RemoveAt(index); }");
        W.Line("public void CopyTo(global::System.Array array, int index) { List.CopyTo(array, index); }");
        W.Line("public global::System.Collections.IEnumerator GetEnumerator() { return List.GetEnumerator(); }");
        W.Close();
        W.Line();
    }

    private void WriteReflectedMap()
    {
        W.Line("/// <summary>For reflection: a map field of this hierarchy that stores each message set as the most-derived object it holds.</summary>");
        W.Line("/// <typeparam name=\"TKey\">The map's key type.</typeparam>");
        W.Line("/// <typeparam name=\"TValue\">The values' declared class.</typeparam>");
        W.Line(Hidden);
        W.Open($"public sealed class Inkwell_ReflectedMap<TKey, TValue> : global::System.Collections.IDictionary where TValue : {ClassName}");
        W.Line("private readonly pbc::MapField<TKey, TValue> _map;");
        W.Line("private readonly string _field;");
        W.Line();
        W.Line("/// <summary>A view of one field's map.</summary>");
        W.Open("public Inkwell_ReflectedMap(pbc::MapField<TKey, TValue> map, string field)");
        W.Line("_map = map;");
        W.Line("_field = field;");
        W.Close();
        W.Line();
        W.Line("private global::System.Collections.IDictionary Map { get { return _map; } }");
        W.Line($"private TValue Resolved(object value) {{ return Inkwell_ResolveReflected<TValue>(({ClassName}) value, _field); }}");
        W.Line("/// <summary>The value of a key; a message set is stored resolved.</summary>");
        W.Open("public object this[object key]");
        W.Line("get { return Map[key]; }");
        W.Line("set { Map[key] = Resolved(value); }");
        W.Close();
        W.Line("/// <summary>Adds the most-derived object the message holds.</summary>");
        W.Line("public void Add(object key, object value) { Map.Add(key, Resolved(value)); }");
        W.Line("public global::System.Collections.ICollection Keys { get { return Map.Keys; } }");
        W.Line("public global::System.Collections.ICollection Values { get { return Map.Values; } }");
        W.Line("public bool IsFixedSize { get { return Map.IsFixedSize; } }");
        W.Line("public bool IsReadOnly { get { return Map.IsReadOnly; } }");
        W.Line("public int Count { get { return _map.Count; } }");
        W.Line("public bool IsSynchronized { get { return Map.IsSynchronized; } }");
        W.Line("public object SyncRoot { get { return Map.SyncRoot; } }");
        W.Line("public void Clear() { _map.Clear(); }");
        W.Line("public bool Contains(object key) { return Map.Contains(key); }");
        W.Line("public void Remove(object key) { Map.Remove(key); }");
        W.Line("public void CopyTo(global::System.Array array, int index) { Map.CopyTo(array, index); }");
        W.Line("public global::System.Collections.IDictionaryEnumerator GetEnumerator() { return Map.GetEnumerator(); }");
        W.Line("global::System.Collections.IEnumerator global::System.Collections.IEnumerable.GetEnumerator() { return ((global::System.Collections.IEnumerable) _map).GetEnumerator(); }");
        W.Close();
        W.Line();
    }
}
