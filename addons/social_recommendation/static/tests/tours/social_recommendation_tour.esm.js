import {registry} from "@web/core/registry";

// The Kasi opens a recommendation waiting for the sign-off, initials it with a
// comment through the tier validation wizard, and can no longer sign it: the
// next tier (Kabid) is not theirs.
registry.category("web_tour.tours").add("social_recommendation_kasi_paraf_tour", {
    steps: () => [
        {
            content: "The Kasi may sign: approve",
            trigger: ".o_form_view button[name='validate_tier']",
            run: "click",
        },
        {
            content: "Write the comment of the paraf",
            trigger: ".modal .o_field_widget[name='comment'] :is(input, textarea)",
            run: "edit Data lengkap, diparaf.",
        },
        {
            content: "Confirm",
            trigger: ".modal button[name='add_comment']",
            run: "click",
        },
        {
            // The wizard's own form has no sign-off button either: wait for the
            // dialog to close and look at the recommendation's form only.
            content: "The Kabid's turn: no sign-off button left for the Kasi",
            trigger:
                "body:not(:has(.modal)) .o_action_manager .o_form_view:not(:has(button[name='validate_tier'])) .o_form_renderer.o_form_saved",
        },
    ],
});
