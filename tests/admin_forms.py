"""Posting an admin change form from a test: the management forms of every inline the page shows."""


def no_inline_rows(response) -> dict:
    """Each inline of the change page (`response` of its GET) submitted with no row: nothing added, nothing
    changed. Apps add inlines to the place admin; tests need not list them."""
    data = {}
    for inline in response.context["inline_admin_formsets"]:
        data[f"{inline.formset.prefix}-TOTAL_FORMS"] = "0"
        data[f"{inline.formset.prefix}-INITIAL_FORMS"] = "0"
    return data
