package org.secflow.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secflow.access.DccUserRole;
import org.secflow.access.PlatformRole;
import org.secflow.server.config.SecflowConfig;
import org.secflow.server.http.Json;

/**
 * Credit Cover over real HTTP: parties, invoices, estimates, credit support, assessments stored with inputs,
 * fired rule ids and rule-set version; a shortfall not topped up in 2 Working Days becomes an Event of Default;
 * access control across two Parties (404, no disclosure); 400/422 naming the field; and an analyst changes
 * a factor in a copy of the J3.8 table, reloads, and the next assessment differs without a restart.
 */
class CreditCoverApiTest {
    @TempDir
    Path dir;

    private Path rules;
    private Platform platform;
    private TestServer server;

    @BeforeEach
    void start() throws IOException {
        rules = TestServer.copyOfRules(dir);
        server = TestServer.start(dir, rules, List.of(new SecflowConfig.UserEntry("supplier-a", "supplier-a", "Supplier A", "SUPPLIER-A", List.of(DccUserRole.IS), List.of()),
                        new SecflowConfig.UserEntry("supplier-b", "supplier-b", "Supplier B", "SUPPLIER-B", List.of(DccUserRole.IS), List.of()),
                        new SecflowConfig.UserEntry("finance", "finance", "DCC finance", "DCC", List.of(), List.of(PlatformRole.FINANCE)),
                        new SecflowConfig.UserEntry("operator", "operator", "DCC operations", "DCC", List.of(), List.of(PlatformRole.OPERATOR)),
                        new SecflowConfig.UserEntry("analyst", "analyst", "Analyst", "SECAS", List.of(), List.of(PlatformRole.ANALYST))));
        platform = server.platform();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return server.send(method, path, token, body);
    }

    private JsonNode ok(String method, String path, String token, String body, int status) throws Exception {
        var r = send(method, path, token, body);
        assertThat(r.statusCode()).as(method + " " + path + " " + r.body()).isEqualTo(status);
        return Json.MAPPER.readTree(r.body());
    }

    private static List<String> parties(JsonNode list) {
        return java.util.stream.StreamSupport.stream(list.spliterator(), false).map(n -> n.path("partyId").asText()).toList();
    }

    private static BigDecimal money(JsonNode n) {
        return new BigDecimal(n.asText());
    }

    /** SUPPLIER-A: limit £40,000 (score 85 -> EXAMPLE factor 0.40), unpaid £30,000 due 29 May 2025, estimate £15,000.50. */
    private void seedSupplierA() throws Exception {
        ok("POST", "/api/credit-cover/parties", "finance", """
                {"partyId": "SUPPLIER-A", "name": "Supplier A", "maximumCreditValue": 100000.00, "creditAssessmentScore": 85}""", 201);
        ok("POST", "/api/credit-cover/parties", "finance", """
                {"partyId": "SUPPLIER-B", "name": "Supplier B", "maximumCreditValue": 500000, "creditAssessmentScore": 90}""", 201);
        ok("POST", "/api/credit-cover/parties/SUPPLIER-A/invoices", "finance", """
                {"invoiceId": "INV-1", "issuedOn": "2025-05-01", "dueOn": "2025-05-29", "amountIncVat": 30000.00,
                 "paymentFailureNotifiedOn": "2025-05-30"}""", 201);
        ok("POST", "/api/credit-cover/parties/SUPPLIER-A/invoices", "finance", """
                {"invoiceId": "INV-0", "issuedOn": "2025-04-01", "dueOn": "2025-04-29", "amountIncVat": 29000.00, "paidOn": "2025-04-28"}""", 201);
        ok("POST", "/api/credit-cover/parties/SUPPLIER-A/estimates", "finance", """
                {"estimatedOn": "2025-06-01", "amount": 15000.50}""", 201);
    }

    private JsonNode assess(String token, String party, String asOf) throws Exception {
        return ok("POST", "/api/credit-cover/assessments", token, "{\"partyId\": \"" + party + "\", \"asOf\": \"" + asOf + "\"}", 201);
    }

    @Test
    void anOverdueInvoiceWithoutANotificationOfPaymentFailureGivesNoDrawingDayAndANoticeBeforeTheDueDateIsRefused() throws Exception {
        seedSupplierA();
        ok("POST", "/api/credit-cover/parties/SUPPLIER-A/invoices", "finance", """
                {"invoiceId": "INV-1", "issuedOn": "2025-05-01", "dueOn": "2025-05-29", "amountIncVat": 30000.00}""", 201);

        JsonNode a = assess("finance", "SUPPLIER-A", "2025-06-02");

        assertThat(a.path("inputs").path("paymentFailureOn").isNull()).isTrue();
        assertThat(a.path("outcome").path("drawableFrom").isNull()).isTrue();
        assertThat(a.path("firedRuleIds").toString()).doesNotContain("CC-DRAWING-DAY");
        JsonNode early = ok("POST", "/api/credit-cover/parties/SUPPLIER-A/invoices", "finance", """
                {"invoiceId": "INV-1", "issuedOn": "2025-05-01", "dueOn": "2025-05-29", "amountIncVat": 30000.00,
                 "paymentFailureNotifiedOn": "2025-05-28"}""", 422);
        assertThat(early.path("field").asText()).isEqualTo("paymentFailureNotifiedOn");
    }

    @Test
    void assessesStoresEveryInputAndAShortfallNotToppedUpBecomesAnEventOfDefault() throws Exception {
        seedSupplierA();

        JsonNode a = assess("finance", "SUPPLIER-A", "2025-06-02");
        assertThat(money(a.path("requirement"))).isEqualByComparingTo("5000.50");
        assertThat(money(a.path("threshold"))).isEqualByComparingTo("2683");
        assertThat(money(a.path("supportHeld"))).isEqualByComparingTo("0");
        assertThat(money(a.path("shortfall"))).isEqualByComparingTo("5000.50");
        assertThat(a.path("topUpDeadline").asText()).isEqualTo("2025-06-04");
        assertThat(a.path("eventOfDefault").asBoolean()).isFalse();
        assertThat(money(a.path("inputs").path("unpaidInvoiced"))).isEqualByComparingTo("30000.00");
        assertThat(money(a.path("inputs").path("estimatedCharges"))).isEqualByComparingTo("15000.50");
        // SEC J3.16: "on the Working Day following service of" the Notification of Payment Failure (Friday 30 May 2025)
        assertThat(a.path("inputs").path("paymentFailureOn").asText()).isEqualTo("2025-05-30");
        assertThat(a.path("outcome").path("drawableFrom").asText()).as("the Working Day after Friday 30 May 2025").isEqualTo("2025-06-02");
        assertThat(a.path("firedRuleIds").toString()).contains("CC-VALUE-AT-RISK", "CC-SHORTFALL", "CC-TOPUP-DEADLINE", "CC-DRAWING-DAY");
        assertThat(a.path("ruleSetVersion").asText()).isEqualTo(ok("GET", "/api/rules", "finance", null, 200).path("version").asText());

        JsonNode late = assess("finance", "SUPPLIER-A", "2025-06-05");
        assertThat(late.path("inputs").path("shortfallSince").asText()).isEqualTo("2025-06-02");
        assertThat(late.path("eventOfDefault").asBoolean()).isTrue();
        assertThat(late.path("firedRuleIds").toString()).contains("CC-EVENT-OF-DEFAULT");
        JsonNode status = ok("GET", "/api/credit-cover/parties/SUPPLIER-A/status", "supplier-a", null, 200);
        assertThat(status.path("eventOfDefault").asBoolean()).isTrue();
        assertThat(status.path("topUpDeadline").asText()).isEqualTo("2025-06-04");

        ok("POST", "/api/credit-cover/parties/SUPPLIER-A/credit-support", "finance", """
                {"instrumentId": "CD-1", "type": "CASH_DEPOSIT", "amount": 5000.50}""", 201);
        ok("POST", "/api/credit-cover/parties/SUPPLIER-A/credit-support", "finance", """
                {"instrumentId": "PCG-1", "type": "PARENT_COMPANY_GUARANTEE", "amount": 90000.00}""", 201);
        JsonNode covered = assess("finance", "SUPPLIER-A", "2025-06-06");
        assertThat(money(covered.path("supportHeld"))).isEqualByComparingTo("5000.50");
        assertThat(money(covered.path("shortfall"))).isEqualByComparingTo("0");
        assertThat(covered.path("eventOfDefault").asBoolean()).isFalse();
        assertThat(covered.path("firedRuleIds").toString()).contains("CC-PCG-NOT-SUPPORT", "CC-COVERED");

        JsonNode list = ok("GET", "/api/credit-cover/assessments?partyId=SUPPLIER-A", "finance", null, 200);
        assertThat(java.util.stream.StreamSupport.stream(list.spliterator(), false).map(n -> n.path("asOf").asText()).toList()).containsExactly("2025-06-06", "2025-06-05", "2025-06-02");
        assertThat(list.path(0).path("assessmentId").asText()).isEqualTo(covered.path("assessmentId").asText());
    }

    @Test
    void aPartySeesOnlyItsOwnCreditCoverAndFinanceSeesAll() throws Exception {
        seedSupplierA();
        assess("finance", "SUPPLIER-A", "2025-06-02");
        assess("finance", "SUPPLIER-B", "2025-06-02");

        assertThat(ok("GET", "/api/credit-cover/parties/SUPPLIER-A/status", "supplier-a", null, 200).path("assessed").asBoolean()).isTrue();
        assertThat(ok("GET", "/api/credit-cover/assessments?partyId=SUPPLIER-A", "supplier-a", null, 200)).hasSize(1);
        assertThat(parties(ok("GET", "/api/credit-cover/assessments", "supplier-a", null, 200))).containsExactly("SUPPLIER-A");
        assertThat(parties(ok("GET", "/api/credit-cover/assessments", "finance", null, 200)))
                .containsExactlyInAnyOrder("SUPPLIER-A", "SUPPLIER-B");

        var otherParty = send("GET", "/api/credit-cover/parties/SUPPLIER-B/status", "supplier-a", null);
        var unknownParty = send("GET", "/api/credit-cover/parties/NOBODY/status", "finance", null);
        assertThat(otherParty.statusCode()).isEqualTo(404);
        assertThat(unknownParty.statusCode()).isEqualTo(404);
        assertThat(otherParty.body()).doesNotContain("500000");
        assertThat(send("GET", "/api/credit-cover/assessments?partyId=SUPPLIER-A", "supplier-b", null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/credit-cover/parties/SUPPLIER-A", "supplier-b", null).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/credit-cover/assessments", "supplier-b",
                "{\"partyId\": \"SUPPLIER-A\", \"asOf\": \"2025-06-03\"}").statusCode())
                .as("only DCC finance assesses: 403 for any party alike, so nothing is disclosed").isEqualTo(403);
        assertThat(send("GET", "/api/credit-cover/parties/SUPPLIER-A/status", "operator", null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/credit-cover/parties/SUPPLIER-A/status", "analyst", null).statusCode()).isEqualTo(404);

        assertThat(send("POST", "/api/credit-cover/assessments", "supplier-a",
                "{\"partyId\": \"SUPPLIER-A\", \"asOf\": \"2025-06-03\"}").statusCode()).as("only DCC finance assesses").isEqualTo(403);
        assertThat(send("POST", "/api/credit-cover/parties", "supplier-a", """
                {"partyId": "SUPPLIER-A", "name": "A", "maximumCreditValue": 1, "creditAssessmentScore": 99}""").statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/credit-cover/parties/SUPPLIER-A/credit-support", "supplier-a", """
                {"instrumentId": "X", "type": "CASH_DEPOSIT", "amount": 1}""").statusCode()).isEqualTo(403);
        assertThat(ok("GET", "/api/credit-cover/assessments?partyId=SUPPLIER-A", "finance", null, 200)).hasSize(1);
    }

    @Test
    void answersProblemsNamingTheField() throws Exception {
        seedSupplierA();
        expect("POST", "/api/credit-cover/assessments", "{\"partyId\": \"SUPPLIER-A\", \"asOf\": \"yesterday\"}", 400, "asOf");
        expect("POST", "/api/credit-cover/assessments", "{\"partyId\": \"SUPPLIER-A\", \"asOf\": \"2025-06-02\", \"colour\": 1}", 400, "colour");
        expect("POST", "/api/credit-cover/assessments", "{\"asOf\": \"2025-06-02\"}", 422, "partyId");
        expect("POST", "/api/credit-cover/assessments", "{\"partyId\": \"SUPPLIER-A\", \"asOf\": \"2031-06-02\"}", 422, "asOf");
        expect("POST", "/api/credit-cover/parties/SUPPLIER-A/invoices",
                "{\"invoiceId\": \"I\", \"issuedOn\": \"2025-05-01\", \"dueOn\": \"2025-05-29\", \"amountIncVat\": 1.001}", 422, "amountIncVat");
        expect("POST", "/api/credit-cover/parties/SUPPLIER-A/invoices",
                "{\"invoiceId\": \"I\", \"issuedOn\": \"2025-05-01\", \"dueOn\": \"2025-04-29\", \"amountIncVat\": 1}", 422, "dueOn");
        expect("POST", "/api/credit-cover/parties/SUPPLIER-A/credit-support", "{\"instrumentId\": \"G\", \"type\": \"GOLD\", \"amount\": 1}", 400, "type");
        expect("POST", "/api/credit-cover/parties", "{\"partyId\": \"P\", \"name\": \"P\", \"maximumCreditValue\": -1, \"creditAssessmentScore\": 1}",
                422, "maximumCreditValue");
        expect("POST", "/api/credit-cover/parties", "{\"partyId\": \"P\", \"name\": \"P\", \"maximumCreditValue\": 1, \"creditAssessmentScore\": 1, "
                + "\"parentCompanyGuarantee\": true}", 422, "parentPartyId");
        expect("POST", "/api/credit-cover/parties", "{\"partyId\": \"P\", \"name\": \"P\", \"maximumCreditValue\": 1, \"creditAssessmentScore\": 101}",
                201, null);
        expect("POST", "/api/credit-cover/assessments", "{\"partyId\": \"P\", \"asOf\": \"2025-06-02\"}", 422, "creditAssessmentScore");
    }

    private void expect(String method, String path, String body, int status, String field) throws Exception {
        var r = send(method, path, "finance", body);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(status);
        if (field != null) {
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(Json.MAPPER.readTree(r.body()).path("field").asText()).as(r.body()).isEqualTo(field);
        }
    }

    @Test
    void aPcgLetsTheParentsValuesBeUsed() throws Exception {
        ok("POST", "/api/credit-cover/parties", "finance", """
                {"partyId": "PARENT-CO", "name": "Parent", "maximumCreditValue": 500000.00, "creditAssessmentScore": 90}""", 201);
        ok("POST", "/api/credit-cover/parties", "finance", """
                {"partyId": "SUPPLIER-A", "name": "Supplier A", "parentPartyId": "PARENT-CO", "parentCompanyGuarantee": true,
                 "maximumCreditValue": 10000.00, "creditAssessmentScore": 10}""", 201);
        ok("POST", "/api/credit-cover/parties/SUPPLIER-A/estimates", "finance", "{\"estimatedOn\": \"2025-06-01\", \"amount\": 45000.50}", 201);
        JsonNode a = assess("finance", "SUPPLIER-A", "2025-06-02");
        assertThat(a.path("outcome").path("limitBasis").asText()).isEqualTo("PARENT");
        assertThat(money(a.path("outcome").path("unsecuredCreditLimit"))).isEqualByComparingTo("200000.00");
        assertThat(money(a.path("requirement"))).isEqualByComparingTo("0");
        assertThat(a.path("firedRuleIds").toString()).contains("CC-UNSECURED-LIMIT-PARENT");
    }

    @Test
    void anAnalystChangesAFactorInTheJ38TableAndTheNextAssessmentDiffersAfterReload() throws Exception {
        seedSupplierA();
        JsonNode before = assess("finance", "SUPPLIER-A", "2025-06-02");
        assertThat(money(before.path("requirement"))).isEqualByComparingTo("5000.50");

        Path table = rules.resolve("credit-cover-factors.drl.csv");
        String text = Files.readString(table);
        String row = "\"CC-FACTOR score 80-100 (EXAMPLE)\",\"80,100\",\"0.40\"";
        assertThat(text).contains(row);
        Files.writeString(table, text.replace(row, "\"CC-FACTOR score 80-100 (EXAMPLE)\",\"80,100\",\"0.42\""));
        // the scenario table still expects factor 0.40: the reload runs it and refuses the change, naming the cases
        var refused = send("POST", "/api/rules/reload", "analyst", null);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(Json.MAPPER.readTree(refused.body()).path("errors").findValuesAsText("file")).contains("credit-cover.cases.csv");
        // a rule change and its cases change together: here the analyst withdraws the EXAMPLE table's cases with it
        Files.delete(rules.resolve("credit-cover.cases.csv"));
        var reloaded = send("POST", "/api/rules/reload", "analyst", null);
        assertThat(reloaded.statusCode()).as(reloaded.body()).isEqualTo(200);

        JsonNode after = assess("finance", "SUPPLIER-A", "2025-06-02");
        assertThat(money(after.path("outcome").path("unsecuredCreditFactor"))).isEqualByComparingTo("0.42");
        assertThat(money(after.path("requirement"))).isEqualByComparingTo("3000.50");
        assertThat(after.path("ruleSetVersion").asText()).isEqualTo(Json.MAPPER.readTree(reloaded.body()).path("version").asText())
                .isNotEqualTo(before.path("ruleSetVersion").asText());
    }

    @Test
    void theDemoPartiesCanBeAssessedOnce() throws Exception {
        java.time.LocalDate today = java.time.LocalDate.of(2025, 6, 2);
        assertThat(platform.creditCover().seedDemo(today)).isTrue();
        assertThat(platform.creditCover().seedDemo(today)).as("only once").isFalse();
        JsonNode a = assess("finance", "SUPPLIER-A", "2025-06-02");
        assertThat(money(a.path("requirement"))).isEqualByComparingTo("5000.50");
        JsonNode b = assess("finance", "SUPPLIER-B", "2025-06-02");
        assertThat(b.path("outcome").path("limitBasis").asText()).isEqualTo("PARENT");
        assertThat(money(b.path("supportHeld"))).isEqualByComparingTo("5000.00");
    }
}
