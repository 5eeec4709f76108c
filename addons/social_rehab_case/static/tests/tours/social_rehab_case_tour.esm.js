import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_utils";

// A social worker drags a case on the board past its gate: the server refuses
// (no completed assessment yet), says why, and the card stays where it was.
registry.category("web_tour.tours").add("social_rehab_case_board_gate_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Social Welfare app",
            trigger: ".o_app[data-menu-xmlid='social_client.social_menu_root']",
            run: "click",
        },
        {
            content: "Open the Rehabilitation Cases menu",
            trigger:
                ".o-dropdown[data-menu-xmlid='social_rehab_case.social_rehab_case_menu_main']",
            run: "click",
        },
        {
            content: "Go to the case board",
            trigger:
                ".o-dropdown-item[data-menu-xmlid='social_rehab_case.social_rehab_case_menu']",
            run: "click",
        },
        {
            content: "Drag the case from Asesmen to Rencana Intervensi",
            trigger:
                ".o_kanban_group:has(.o_column_title:contains('Asesmen')) .o_kanban_record:contains('Klien Satu')",
            run: "drag_and_drop (.o_kanban_group:has(.o_column_title:contains('Rencana Intervensi')))",
        },
        {
            content: "The gate refuses and names what is missing",
            trigger: ".modal .modal-body:contains('cannot enter Rencana Intervensi')",
        },
        {
            content: "Close the message",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The card is back in Asesmen",
            trigger:
                ".o_kanban_group:has(.o_column_title:contains('Asesmen')) .o_kanban_record:contains('Klien Satu')",
        },
    ],
});
