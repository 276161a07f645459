from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def reminder_count(context) -> int:
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return 0
    from doingoai.reminders.services import pending

    return pending(request.user).count()
