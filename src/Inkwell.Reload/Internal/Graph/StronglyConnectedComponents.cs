namespace Inkwell.Reload.Internal.Graph;

/// <summary>Tarjan's algorithm. Components come out dependencies first: a component is emitted only after
/// every component it reaches, which is the order units must be compiled and loaded in.</summary>
internal static class StronglyConnectedComponents
{
    public static List<List<int>> Find(IReadOnlyList<IReadOnlyCollection<int>> edges)
    {
        int count = edges.Count;
        int[] index = new int[count];
        int[] lowLink = new int[count];
        bool[] onStack = new bool[count];
        Array.Fill(index, -1);
        var stack = new Stack<int>();
        var components = new List<List<int>>();
        int next = 0;

        // Iterative so a long chain of modules cannot overflow the stack.
        var work = new Stack<(int Node, IEnumerator<int> Successors)>();
        for (int start = 0; start < count; start++)
        {
            if (index[start] >= 0)
            {
                continue;
            }

            Push(start);
            while (work.Count > 0)
            {
                (int node, IEnumerator<int> successors) = work.Peek();
                if (successors.MoveNext())
                {
                    int successor = successors.Current;
                    if (index[successor] < 0)
                    {
                        Push(successor);
                    }
                    else if (onStack[successor])
                    {
                        lowLink[node] = Math.Min(lowLink[node], index[successor]);
                    }

                    continue;
                }

                work.Pop();
                if (work.Count > 0)
                {
                    int parent = work.Peek().Node;
                    lowLink[parent] = Math.Min(lowLink[parent], lowLink[node]);
                }

                if (lowLink[node] == index[node])
                {
                    var component = new List<int>();
                    int member;
                    do
                    {
                        member = stack.Pop();
                        onStack[member] = false;
                        component.Add(member);
                    }
                    while (member != node);
                    component.Sort();
                    components.Add(component);
                }
            }
        }

        return components;

        void Push(int node)
        {
            index[node] = lowLink[node] = next++;
            stack.Push(node);
            onStack[node] = true;
            work.Push((node, edges[node].Order().GetEnumerator()));
        }
    }
}
