import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_utils";

// A social worker reaches the registry from the menus and registers a client:
// sex, birth date and district come from the NIK (the test checks the saved
// values), the number from the sequence.
registry.category("web_tour.tours").add("social_client_registration_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Social Welfare app",
            trigger: ".o_app[data-menu-xmlid='social_client.social_menu_root']",
            run: "click",
        },
        {
            content: "Open the Clients menu",
            trigger:
                ".o-dropdown[data-menu-xmlid='social_client.social_client_menu_main']",
            run: "click",
        },
        {
            content: "Go to the clients",
            trigger:
                ".o-dropdown-item[data-menu-xmlid='social_client.social_client_menu']",
            run: "click",
        },
        {
            content: "Register a new client",
            trigger: ".o-kanban-button-new",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='name'] input",
            run: "edit Siti Tour Rahayu",
        },
        {
            trigger: ".o_field_widget[name='nik'] input",
            run: "edit 1871015508950003",
        },
        {
            content: "Leave the NIK field, as a person would with Tab",
            trigger: ".o_field_widget[name='birth_place'] input",
            run: "click",
        },
        {
            content: "The sex is read from the NIK (+40 on the day: a woman)",
            trigger:
                ".o_field_widget[name='gender'] input[data-value='female']:checked",
        },
        {
            content: "The district is filled from the NIK prefix",
            trigger:
                ".o_field_widget[name='district_id'] input:value('Kedaton (18.71.01)')",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The client has a registration number",
            trigger:
                ".o_form_renderer.o_form_saved .o_field_widget[name='registration_number']:contains(PPKS/)",
        },
    ],
});
