using System.Text.Json.Nodes;

namespace Concord.Domain.Deconfliction;

/// <summary>Writes a plan in the JSON form <see cref="OperationPlanParser"/> reads (as stored, and as its owner reads it back).</summary>
public static class OperationPlanWriter
{
    /// <summary>The plan as a JSON object.</summary>
    public static JsonObject ToJson(OperationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var contact = new JsonObject { ["member"] = plan.Contact.Member.ToString(), ["name"] = plan.Contact.Name };
        if (plan.Contact.Phone is { } phone)
        {
            contact["phone"] = phone;
        }

        if (plan.Contact.Radio is { } radio)
        {
            contact["radio"] = radio;
        }

        if (plan.Contact.Email is { } email)
        {
            contact["email"] = email;
        }

        var reveal = new JsonArray();
        if (plan.Reveal.HasFlag(Reveal.Party))
        {
            reveal.Add("party");
        }

        if (plan.Reveal.HasFlag(Reveal.Kind))
        {
            reveal.Add("kind");
        }

        var json = new JsonObject
        {
            ["kind"] = OperationPlanParser.KindName(plan.Kind),
            ["area"] = JsonNode.Parse(AreaParser.ToGeoJson(plan.Area)),
            ["start"] = plan.Window.Start.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", System.Globalization.CultureInfo.InvariantCulture),
            ["end"] = plan.Window.End.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", System.Globalization.CultureInfo.InvariantCulture),
            ["margin_minutes"] = plan.Window.Margin.TotalMinutes,
            ["sensitivity"] = OperationPlanParser.SensitivityName(plan.Sensitivity),
            ["contact"] = contact,
            ["reveal"] = reveal,
        };
        if (plan.Altitude is { } band)
        {
            json["altitude"] = new JsonObject { ["lower_m"] = band.Lower, ["upper_m"] = band.Upper };
        }

        if (plan.Reference is { } reference)
        {
            json["reference"] = reference;
        }

        return json;
    }
}
