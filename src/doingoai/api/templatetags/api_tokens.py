from django import template

from doingoai.api.pages import profile_context

register = template.Library()


@register.inclusion_tag("api/tokens_section.html", takes_context=True)
def api_tokens_section(context):
    request = context["request"]
    return {"request": request, "csrf_token": context.get("csrf_token"),
            **profile_context(request)}
