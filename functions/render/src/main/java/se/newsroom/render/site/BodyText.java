package se.newsroom.render.site;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/** The words a reader sees in a Markdown body, for the search index: its text and code, not link targets or HTML. */
final class BodyText {
    private static final Parser PARSER = Parser.builder().build();

    private BodyText() {
    }

    /** The body's visible text, its pieces separated by spaces. */
    static String of(String markdown) {
        StringBuilder text = new StringBuilder();
        PARSER.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Text node) {
                text.append(node.getLiteral()).append(' ');
            }

            @Override
            public void visit(Code node) {
                text.append(node.getLiteral()).append(' ');
            }

            @Override
            public void visit(SoftLineBreak node) {
                text.append(' ');
            }

            @Override
            public void visit(HardLineBreak node) {
                text.append(' ');
            }
        });
        return text.toString();
    }
}
