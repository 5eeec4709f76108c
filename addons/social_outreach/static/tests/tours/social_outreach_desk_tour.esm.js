// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import {registry} from "@web/core/registry";

// The registration desk finds a client by NIK and checks them in from the
// event's form; the NIK is the one of the test fixture, and the test
// checks the saved participant.
registry.category("web_tour.tours").add("social_outreach_registration_tour", {
    steps: () => [
        {
            content: "Open the registration desk of the running day",
            trigger: "button[name='action_open_registration']",
            run: "click",
        },
        {
            content: "Type the NIK of a registered client",
            trigger: ".modal .o_field_widget[name='nik'] input",
            run: "edit 1811011505800011",
        },
        {
            content: "Tick the KTP copy (and leave the NIK field)",
            trigger: ".modal .o_field_widget[name='ktp_checked'] input",
            run: "click",
        },
        {
            content: "The client is found by the NIK",
            trigger:
                ".modal .o_field_widget[name='client_id'] input:value('Sumarni Wati')",
        },
        {
            content: "Register and check in",
            trigger: ".modal button[name='action_register']",
            run: "click",
        },
        {
            content: "The participant has queue number 1",
            trigger: ".o_form_view .o_field_widget[name='queue_number']:contains(1)",
        },
    ],
});

// A station officer calls the next participant from the desk and serves them.
registry.category("web_tour.tours").add("social_outreach_station_tour", {
    steps: () => [
        {
            content: "Call the next participant at the assessment desk",
            trigger:
                ".o_kanban_record:contains('Assessment and BPJS') button[name='action_call_next']",
            run: "click",
        },
        {
            content: "The called participant's visit opens: start serving",
            trigger: ".o_form_view button[name='action_start']",
            run: "click",
        },
        {
            content: "End the service",
            trigger: ".o_form_view button[name='action_done']",
            run: "click",
        },
        {
            content: "Served: the participant can be sent on",
            trigger: ".o_form_view button[name='action_transfer']",
        },
    ],
});
