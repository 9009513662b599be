namespace Inkwell.Protobuf.Syntax;

/// <summary>Services and their methods.</summary>
internal sealed partial class Parser
{
    private const int ServiceName = 1;
    private const int ServiceMethod = 2;
    private const int ServiceOptions = 3;
    private const int MethodName = 1;
    private const int MethodInputType = 2;
    private const int MethodOutputType = 3;
    private const int MethodOptions = 4;
    private const int MethodClientStreaming = 5;
    private const int MethodServerStreaming = 6;

    private bool ParseServiceDefinition(ServiceSyntax service, LocationRecorder location)
    {
        service.Location = location.Location;
        if (!Consume("service"))
        {
            return false;
        }

        using (location.Child(ServiceName))
        {
            service.NamePosition = TextPosition.Of(Current);
            if (!ConsumeIdentifier(out string name, "Expected service name."))
            {
                return false;
            }

            service.Name = name;
        }

        if (!ConsumeEndOfDeclaration("{", location))
        {
            return false;
        }

        while (!TryConsumeEndOfDeclaration("}", null))
        {
            if (AtEnd)
            {
                Error("Reached end of input in service definition (missing '}').");
                return false;
            }

            if (!ParseServiceStatement(service, location))
            {
                SkipStatement();
            }
        }

        return true;
    }

    private bool ParseServiceStatement(ServiceSyntax service, LocationRecorder serviceLocation)
    {
        if (TryConsumeEndOfDeclaration(";", null))
        {
            return true;
        }

        if (LookingAt("option"))
        {
            using var optionLocation = serviceLocation.Child(ServiceOptions);
            return ParseOption(service, optionLocation, OptionStyle.Statement);
        }

        using var location = serviceLocation.Child(ServiceMethod, service.Methods.Count);
        var method = new MethodSyntax { Location = location.Location };
        service.Methods.Add(method);
        return ParseServiceMethod(method, location);
    }

    private bool ParseServiceMethod(MethodSyntax method, LocationRecorder location)
    {
        if (!Consume("rpc"))
        {
            return false;
        }

        using (location.Child(MethodName))
        {
            method.NamePosition = TextPosition.Of(Current);
            if (!ConsumeIdentifier(out string name, "Expected method name."))
            {
                return false;
            }

            method.Name = name;
        }

        if (!Consume("("))
        {
            return false;
        }

        if (LookingAt("stream"))
        {
            using (location.Child(MethodClientStreaming))
            {
                method.ClientStreaming = true;
                _lexer.Next();
            }
        }

        using (location.Child(MethodInputType))
        {
            method.InputTypePosition = TextPosition.Of(Current);
            if (!ParseUserDefinedType(out string input))
            {
                return false;
            }

            method.InputType = input;
        }

        if (!Consume(")") || !Consume("returns") || !Consume("("))
        {
            return false;
        }

        if (LookingAt("stream"))
        {
            using (location.Child(MethodServerStreaming))
            {
                method.ServerStreaming = true;
                _lexer.Next();
            }
        }

        using (location.Child(MethodOutputType))
        {
            method.OutputTypePosition = TextPosition.Of(Current);
            if (!ParseUserDefinedType(out string output))
            {
                return false;
            }

            method.OutputType = output;
        }

        if (!Consume(")"))
        {
            return false;
        }

        if (LookingAt("{"))
        {
            method.HasOptions = true;
            if (!ConsumeEndOfDeclaration("{", location))
            {
                return false;
            }

            while (!TryConsumeEndOfDeclaration("}", null))
            {
                if (AtEnd)
                {
                    Error("Reached end of input in method options (missing '}').");
                    return false;
                }

                if (TryConsumeEndOfDeclaration(";", null))
                {
                    continue;
                }

                using var optionLocation = location.Child(MethodOptions);
                if (!ParseOption(method, optionLocation, OptionStyle.Statement))
                {
                    SkipStatement();
                }
            }

            return true;
        }

        return ConsumeEndOfDeclaration(";", location);
    }
}
