package se.newsroom.render.stream;

import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One record of the content table's stream (NEW_AND_OLD_IMAGES).
 *
 * @param sequenceNumber what a partial batch failure names
 * @param eventName      INSERT, MODIFY or REMOVE
 * @param keys           the item's key
 * @param oldImage       the item before, empty on INSERT
 * @param newImage       the item after, empty on REMOVE
 */
public record StreamRecord(String sequenceNumber, String eventName, Map<String, AttributeValue> keys,
                           Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
}
